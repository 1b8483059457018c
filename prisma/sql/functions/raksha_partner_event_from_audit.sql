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
                         'event', NEW.detail->'event', 'from', NEW.detail->'from', 'to', NEW.detail->'to')
        -- a step replayed from a legacy register when the case was imported (docs/porting.md): history, not news
        || CASE WHEN NEW.detail ? 'importedFrom' THEN jsonb_build_object('imported', true) ELSE '{}'::jsonb END,
      NEW.at);
  END IF;
  RETURN NULL;
END;
$$;
