-- Data only: fills the dashboard's milestone columns (added in 20261125222300_case_milestones) for
-- cases whose steps were projected before they existed, from each case's own timeline, as the
-- projection writes them: the latest such step wins; late when the deadline it met was met late.
CREATE FUNCTION pg_temp.met_late(deadlines jsonb, suffix text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce((
    SELECT (m.value->>'late')::boolean FROM jsonb_array_elements(CASE WHEN jsonb_typeof(deadlines->'met') = 'array' THEN deadlines->'met' ELSE '[]'::jsonb END) WITH ORDINALITY AS m(value, n)
    WHERE m.value->>'id' LIKE '%' || suffix ORDER BY m.n LIMIT 1), false)
$$;

UPDATE "Case" c SET "producedAt" = t."occurredAt", "productionLate" = pg_temp.met_late(t.deadlines, '.production')
FROM (SELECT DISTINCT ON ("caseId") "caseId", "occurredAt", deadlines FROM "TimelineEntry"
      WHERE "eventType" IN ('PRODUCED_BEFORE_CWC', 'PRODUCED_BEFORE_JJB') ORDER BY "caseId", sequence DESC) t
WHERE c.id = t."caseId" AND c."producedAt" IS NULL;

UPDATE "Case" c SET "sirSubmittedAt" = t."occurredAt", "sirLate" = pg_temp.met_late(t.deadlines, '.sir')
FROM (SELECT DISTINCT ON ("caseId") "caseId", "occurredAt", deadlines FROM "TimelineEntry"
      WHERE "eventType" = 'SIR_SUBMITTED' ORDER BY "caseId", sequence DESC) t
WHERE c.id = t."caseId" AND c."sirSubmittedAt" IS NULL;

UPDATE "Case" c SET "restoredAt" = t."occurredAt"
FROM (SELECT DISTINCT ON ("caseId") "caseId", "occurredAt" FROM "TimelineEntry"
      WHERE "eventType" = 'CHILD_RESTORED' ORDER BY "caseId", sequence DESC) t
WHERE c.id = t."caseId" AND c."restoredAt" IS NULL;

UPDATE "Case" c SET "closedAt" = t."occurredAt"
FROM (SELECT DISTINCT ON ("caseId") "caseId", "occurredAt" FROM "TimelineEntry"
      WHERE "eventType" = 'CLOSE_CASE' ORDER BY "caseId", sequence DESC) t
WHERE c.id = t."caseId" AND c."closedAt" IS NULL;
