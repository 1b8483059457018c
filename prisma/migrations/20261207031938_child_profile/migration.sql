-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "guardianKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "nameKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "profileVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ChildProfileVersion" (
    "caseId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "sealed" TEXT NOT NULL,
    "changedFields" TEXT[],
    "reason" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedRole" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChildProfileVersion_pkey" PRIMARY KEY ("caseId","version")
);

-- CreateIndex
CREATE INDEX "Case_nameKeys_idx" ON "Case" USING GIN ("nameKeys");

-- CreateIndex
CREATE INDEX "Case_guardianKeys_idx" ON "Case" USING GIN ("guardianKeys");

-- AddForeignKey
ALTER TABLE "ChildProfileVersion" ADD CONSTRAINT "ChildProfileVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- prisma/sql/functions/raksha_record_case_step.sql
-- One case step (registration, event, escalation, escalation action, assignment) in one statement, so the
-- workflow's local activity costs one round trip instead of an interactive transaction of five.
-- Writes the projection, the timeline entry and the next entry of the case's hash-chained audit
-- trail atomically; false, and nothing written, when (caseId, sequence) is already on the timeline.
-- The audit entry is linked and hashed by raksha_append_audit_entry, under the lock taken here.
CREATE OR REPLACE FUNCTION raksha_record_case_step(step jsonb) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  case_id uuid := (step->>'caseId')::uuid;
  seq integer := (step->>'sequence')::integer;
  tl jsonb := step->'timeline';
  au jsonb := step->'audit';
  c jsonb := step->'case';
  m jsonb := coalesce(step#>'{case,milestones}', '{}');
  e jsonb := step->'escalation';
  a jsonb := step->'action';
  at_ timestamptz := (tl->>'occurredAt')::timestamptz;
BEGIN
  -- Serialises the writers of one chain; the statements below each see what the last one committed.
  PERFORM pg_advisory_xact_lock(hashtextextended(au->>'chain', 0));
  IF EXISTS (SELECT 1 FROM "TimelineEntry" WHERE "caseId" = case_id AND "sequence" = seq) THEN
    RETURN false;
  END IF;

  CASE step->>'kind'
    WHEN 'registration' THEN
      INSERT INTO "Case" ("id", "track", "districtCode", "stateCode", "thanaCode", "blockCode", "villageCode", "childName",
                          "nameKeys", "childKeys", "registeredAt", "registeredBy", "state", "phase", "sequence", "nextDueAt", "openDeadlines", "updatedAt")
      VALUES (case_id, c->>'track', c->>'districtCode', c->>'stateCode', c->>'thanaCode', c->>'blockCode', c->>'villageCode',
              c->>'childName', COALESCE(ARRAY(SELECT jsonb_array_elements_text(c->'nameKeys')), '{}'),
              ARRAY(SELECT jsonb_array_elements_text(coalesce(c->'childKeys', '[]'))),
              (c->>'registeredAt')::timestamptz, c->>'registeredBy', c->>'state', c->>'phase', seq,
              (c->>'nextDueAt')::timestamptz, c->'openDeadlines', now());
    WHEN 'transition' THEN
      UPDATE "Case" SET
        "state" = c->>'state',
        "phase" = c->>'phase',
        "sequence" = seq,
        "nextDueAt" = (c->>'nextDueAt')::timestamptz,
        "openDeadlines" = c->'openDeadlines',
        "track" = coalesce(c->>'track', "track"),
        -- A case transferred to another district leaves its old district's thana, block and village behind.
        "thanaCode" = CASE WHEN coalesce(c->>'districtCode', "districtCode") = "districtCode" THEN "thanaCode" END,
        "blockCode" = CASE WHEN coalesce(c->>'districtCode', "districtCode") = "districtCode" THEN "blockCode" END,
        "villageCode" = CASE WHEN coalesce(c->>'districtCode', "districtCode") = "districtCode" THEN "villageCode" END,
        "districtCode" = coalesce(c->>'districtCode', "districtCode"),
        "stateCode" = coalesce(c->>'stateCode', "stateCode"),
        "producedAt" = CASE WHEN m ? 'producedAt' THEN (m->>'producedAt')::timestamptz ELSE "producedAt" END,
        "productionLate" = CASE WHEN m ? 'productionLate' THEN (m->>'productionLate')::boolean ELSE "productionLate" END,
        "sirSubmittedAt" = CASE WHEN m ? 'sirSubmittedAt' THEN (m->>'sirSubmittedAt')::timestamptz ELSE "sirSubmittedAt" END,
        "sirLate" = CASE WHEN m ? 'sirLate' THEN (m->>'sirLate')::boolean ELSE "sirLate" END,
        "restoredAt" = CASE WHEN m ? 'restoredAt' THEN (m->>'restoredAt')::timestamptz ELSE "restoredAt" END,
        "closedAt" = CASE WHEN m ? 'closedAt' THEN (m->>'closedAt')::timestamptz ELSE "closedAt" END,
        "updatedAt" = now()
      WHERE "id" = case_id AND "sequence" < seq;
      -- An obligation met late, by an event that fulfils it: its escalations stay on record, marked with when it
      -- was met (those of earlier due times of the same obligation too, when an extension had moved it). A
      -- deadline that ended without being met (the case moved on) leaves its escalations open, to be resolved.
      UPDATE "Escalation" x SET "metAt" = at_
      WHERE x."caseId" = case_id AND x."metAt" IS NULL
        AND EXISTS (
          SELECT 1 FROM jsonb_array_elements(coalesce(tl#>'{deadlines,met}', '[]')) d
          WHERE d->>'id' = x."deadlineId" AND x."dueAt" <= (d->>'dueAt')::timestamptz);
    WHEN 'escalation' THEN
      INSERT INTO "Escalation" ("id", "caseId", "deadlineId", "obligation", "citation", "rung", "toBody",
                                "districtCode", "stateCode", "dueAt", "raisedAt")
      VALUES ((e->>'id')::uuid, case_id, e->>'deadlineId', e->>'obligation', e->>'citation', (e->>'rung')::integer,
              e->>'toBody', e->>'districtCode', e->>'stateCode', (e->>'dueAt')::timestamptz, at_);
      UPDATE "Case" SET "sequence" = seq, "updatedAt" = now() WHERE "id" = case_id AND "sequence" < seq;
    WHEN 'escalationAction' THEN
      IF a->>'action' = 'ACKNOWLEDGE' THEN
        UPDATE "Escalation" SET "status" = 'ACKNOWLEDGED', "acknowledgedAt" = at_, "acknowledgedBy" = tl->>'actorId'
        WHERE "id" = (a->>'escalationId')::uuid;
      ELSE
        UPDATE "Escalation" SET "status" = 'RESOLVED', "resolvedAt" = at_, "resolvedBy" = tl->>'actorId', "resolutionNote" = a->>'note'
        WHERE "id" = (a->>'escalationId')::uuid;
      END IF;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'escalation % not found', a->>'escalationId' USING ERRCODE = 'no_data_found';
      END IF;
      UPDATE "Case" SET "sequence" = seq, "updatedAt" = now() WHERE "id" = case_id AND "sequence" < seq;
    WHEN 'assignment' THEN
      -- Who in the case's body works it now (nobody: released to the body's queue); the machine's state does not move.
      UPDATE "Case" SET "assigneeId" = (step#>>'{assignment,assigneeId}')::uuid,
                        "assignedAt" = CASE WHEN step#>>'{assignment,assigneeId}' IS NULL THEN NULL ELSE at_ END,
                        "sequence" = seq, "updatedAt" = now()
      WHERE "id" = case_id AND "sequence" < seq;
    ELSE
      RAISE EXCEPTION 'unknown case step kind %', step->>'kind';
  END CASE;

  INSERT INTO "TimelineEntry" ("caseId", "sequence", "eventType", "fromState", "toState", "actorId", "actorRole",
                               "payload", "deadlines", "occurredAt", "importedFrom")
  VALUES (case_id, seq, tl->>'eventType', tl->>'fromState', tl->>'toState', tl->>'actorId', tl->>'actorRole',
          tl->'payload', coalesce(tl->'deadlines', '{}'), at_, tl->>'importedFrom');

  PERFORM raksha_append_audit_entry(au);
  RETURN true;
END;
$$;
