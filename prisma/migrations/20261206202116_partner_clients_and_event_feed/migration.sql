-- CreateTable
CREATE TABLE "PartnerClient" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scopes" TEXT[],
    "level" TEXT NOT NULL,
    "stateCode" TEXT,
    "districtCode" TEXT,
    "requestsPerMinute" INTEGER NOT NULL,
    "secretHash" TEXT NOT NULL,
    "secretRotatedAt" TIMESTAMPTZ(3),
    "createdBy" UUID NOT NULL,
    "createdByBodyId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PartnerClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerToken" (
    "tokenHash" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "PartnerEvent" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,
    "type" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "stateCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerClient_stateCode_districtCode_idx" ON "PartnerClient"("stateCode", "districtCode");

-- CreateIndex
CREATE INDEX "PartnerToken_clientId_idx" ON "PartnerToken"("clientId");

-- CreateIndex
CREATE INDEX "PartnerToken_expiresAt_idx" ON "PartnerToken"("expiresAt");

-- CreateIndex
CREATE INDEX "PartnerEvent_stateCode_txid_id_idx" ON "PartnerEvent"("stateCode", "txid", "id");

-- CreateIndex
CREATE INDEX "PartnerEvent_districtCode_txid_id_idx" ON "PartnerEvent"("districtCode", "txid", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerEvent_txid_id_key" ON "PartnerEvent"("txid", "id");

-- AddForeignKey
ALTER TABLE "PartnerToken" ADD CONSTRAINT "PartnerToken_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "PartnerClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- prisma/sql/functions/raksha_partner_event_from_audit.sql
-- The partner feed's outbox (PartnerEvent), from the audit trail in the writer's own transaction: a report's entries
-- (filed, accepted, closed, linked, a match confirmed or rejected) and each step of a case. A citizen's own report is not
-- shared (the police take it into their diary first), and no child's name or event payload is copied.
CREATE OR REPLACE FUNCTION raksha_partner_event_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  c record;
BEGIN
  IF NEW.chain LIKE 'report:%' THEN
    SELECT id, kind, status, "stateCode", "districtCode", "filedByRole" INTO r
      FROM "ChildReport" WHERE id = substr(NEW.chain, 8)::uuid;
    IF NOT FOUND OR r."filedByRole" = 'CITIZEN' THEN
      RETURN NULL;
    END IF;
    INSERT INTO "PartnerEvent" (type, "subjectType", "subjectId", "stateCode", "districtCode", data, "occurredAt")
    VALUES (
      CASE WHEN NEW.action LIKE 'report.%.filed' THEN 'report.filed'
           WHEN NEW.action IN ('match.confirmed', 'match.rejected') THEN 'report.match-decided'
           ELSE 'report.updated' END,
      'report', r.id, r."stateCode", r."districtCode",
      jsonb_build_object('reportId', r.id, 'kind', r.kind, 'status', r.status, 'action', NEW.action)
        || CASE WHEN NEW."subjectType" = 'match-candidate' THEN jsonb_build_object('candidateId', NEW."subjectId") ELSE '{}'::jsonb END,
      NEW.at);
  ELSIF NEW.chain LIKE 'case:%' THEN
    SELECT id, track, phase, state, "stateCode", "districtCode" INTO c FROM "Case" WHERE id = substr(NEW.chain, 6)::uuid;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    INSERT INTO "PartnerEvent" (type, "subjectType", "subjectId", "stateCode", "districtCode", data, "occurredAt")
    VALUES ('case.step', 'case', c.id, c."stateCode", c."districtCode",
      jsonb_build_object('caseId', c.id, 'track', c.track, 'phase', c.phase, 'sequence', NEW.detail->'sequence',
                         'event', NEW.detail->'event', 'from', NEW.detail->'from', 'to', NEW.detail->'to'),
      NEW.at);
  END IF;
  RETURN NULL;
END;
$$;

-- prisma/sql/functions/raksha_partner_event_from_match.sql
-- A match proposed by the matching engine (a MatchCandidate row, which the audit trail does not see) is a
-- report.matched event on each of its two reports, each in its own place, for the partner feed's outbox.
CREATE OR REPLACE FUNCTION raksha_partner_event_from_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PartnerEvent" (type, "subjectType", "subjectId", "stateCode", "districtCode", data, "occurredAt")
  SELECT 'report.matched', 'report', r.id, r."stateCode", r."districtCode",
         jsonb_build_object('reportId', r.id, 'kind', r.kind, 'status', r.status, 'candidateId', m.id,
                            'missingId', m."missingId", 'foundId', m."foundId", 'probability', m.probability),
         m."createdAt"
  FROM new_candidates m
  JOIN "ChildReport" r ON r.id IN (m."missingId", m."foundId")
  WHERE r."filedByRole" <> 'CITIZEN'
  ORDER BY m.id, r.id;
  RETURN NULL;
END;
$$;

-- prisma/sql/triggers/AuditEntry_partner_events.sql
-- Reports' and cases' audit entries feed the partner event outbox (raksha_partner_event_from_audit).
CREATE OR REPLACE TRIGGER "AuditEntry_partner_events" AFTER INSERT ON "AuditEntry"
  FOR EACH ROW WHEN (NEW.chain LIKE 'report:%' OR NEW.chain LIKE 'case:%') EXECUTE FUNCTION raksha_partner_event_from_audit();

-- prisma/sql/triggers/MatchCandidate_partner_events.sql
-- New match candidates feed the partner event outbox (raksha_partner_event_from_match).
CREATE OR REPLACE TRIGGER "MatchCandidate_partner_events" AFTER INSERT ON "MatchCandidate"
  REFERENCING NEW TABLE AS new_candidates FOR EACH STATEMENT EXECUTE FUNCTION raksha_partner_event_from_match();
