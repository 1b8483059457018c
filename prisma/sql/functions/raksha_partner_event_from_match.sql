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
