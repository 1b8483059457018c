-- prisma/sql/functions/raksha_append_audit_entry.sql
-- The one writer of the hash-chained audit trail: appends `au` to its chain after the chain's tail, hashing it there,
-- because only the statement that appends knows the tail's position and hash. The caller holds the chain's advisory
-- lock (or writes a chain's first entry, which the unique (chain, position) guards). `au` carries the entry's
-- canonical JSON split around "position" and "prevHash" (auditPreimage in libs/db/src/audit-chain.ts): the hash is
-- SHA-256 of before || position || ',"prevHash":"' || prevHash || '"' || after, which auditHash() there verifies.
CREATE OR REPLACE FUNCTION raksha_append_audit_entry(au jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tail_position integer;
  tail_hash text;
BEGIN
  SELECT "position", "hash" INTO tail_position, tail_hash
  FROM "AuditEntry" WHERE "chain" = au->>'chain' ORDER BY "position" DESC LIMIT 1;
  tail_position := coalesce(tail_position, 0) + 1;
  tail_hash := coalesce(tail_hash, repeat('0', 64));
  INSERT INTO "AuditEntry" ("chain", "position", "action", "actorId", "actorRole", "subjectType", "subjectId",
                            "detail", "at", "prevHash", "hash")
  VALUES (au->>'chain', tail_position, au->>'action', au->>'actorId', au->>'actorRole', au->>'subjectType', au->>'subjectId',
          au->'detail', (au->>'at')::timestamptz, tail_hash,
          encode(sha256(convert_to((au->>'before') || tail_position::text || ',"prevHash":"' || tail_hash || '"' || (au->>'after'), 'UTF8')), 'hex'));
END;
$$;

-- prisma/sql/functions/raksha_block_terms.sql
-- Candidate search at national scale (libs/db report.repository.ts builds the matching query terms).
-- Each report's blocking keys (n: name key, s: its consonant skeleton, g: a guardian's name key) as GIN terms:
--   the key alone                                        n:puja
--   the key with the district and a birth year            n:puja@BR-PATNA~2012  (~* any age, ~? age not known)
--   the key with the month of the date and a birth year   n:puja#202403~2012
-- two of the child's name keys (nn:puja+sarma), a name key with a guardian's (ng:puja+ramesh), and the district with
-- the week of the date (d:, and a: for a report without a usable name) for the search by the other fields.
-- Dates and birth years are UTC calendar values, so the function is immutable.
CREATE OR REPLACE FUNCTION raksha_block_terms(name_keys text[], skeletons text[], guardian_keys text[], district text, at timestamptz,
                                   year_min int, year_max int, by_attributes boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH y AS (
    SELECT '~*' AS y
    UNION ALL SELECT '~?' WHERE year_min IS NULL OR year_max IS NULL OR year_max - year_min > 8
    UNION ALL SELECT '~' || g FROM generate_series(year_min, year_max) AS g WHERE year_max - year_min <= 8
  ), k AS (
    SELECT 'n:' || k AS k FROM unnest(name_keys) AS k
    UNION ALL SELECT 's:' || k FROM unnest(skeletons) AS k
    UNION ALL SELECT 'g:' || k FROM unnest(guardian_keys) AS k
  ), d AS (
    SELECT (extract(year FROM at AT TIME ZONE 'UTC')::int * 100 + extract(month FROM at AT TIME ZONE 'UTC')::int)::text AS month,
           floor(extract(epoch FROM at AT TIME ZONE 'UTC') / 604800)::int::text AS week
  )
  SELECT array(
    SELECT k FROM k
    UNION ALL SELECT k || '@' || district || y FROM k, y
    UNION ALL SELECT k || '#' || d.month || y FROM k, y, d
    UNION ALL SELECT 'nn:' || a || '+' || b FROM unnest(name_keys) AS a, unnest(name_keys) AS b WHERE a < b
    UNION ALL SELECT 'ng:' || a || '+' || g FROM unnest(name_keys) AS a, unnest(guardian_keys) AS g
    UNION ALL SELECT 'd:' || district || '#' || d.week || y FROM y, d
    UNION ALL SELECT 'a:' || district || '#' || d.week || y FROM y, d WHERE by_attributes
  )
$$;

-- prisma/sql/functions/raksha_count_match_keys.sql
-- Counts of each key per kind (and '*': all reports of the kind), one upsert per inserting statement, in key order so
-- that concurrent inserts cannot deadlock. Reports filed, not only open ones: the population a name is drawn from.
-- "MatchKeyPair" counts the combined blocking terms (nn: two of the child's name keys, ng: a name key with a
-- guardian's, as raksha_block_terms() forms them): a pair most reports share (a surname repeated in the father's name,
-- ng:yadab+yadab, 10,000 of a million reports) is then not searched alone. Its reports within the district or the time
-- window are already found by its keys' own refined terms. A table of its own: in "MatchKey" the pairs' trigrams
-- would slow the search for a single key's spelling variants.
CREATE OR REPLACE FUNCTION raksha_count_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MatchKey" (kind, field, key, reports)
  SELECT kind, field, key, count(*)::int FROM (
    SELECT r.kind, 'n' AS field, k AS key FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS k
    UNION ALL SELECT r.kind, 's', k FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameSkeletons") AS k
    UNION ALL SELECT r.kind, 'g', k FROM new_reports AS r CROSS JOIN LATERAL unnest(r."guardianKeys") AS k
    UNION ALL SELECT r.kind, '*', '' FROM new_reports AS r
  ) AS t
  GROUP BY kind, field, key
  ORDER BY kind, field, key
  ON CONFLICT (kind, field, key) DO UPDATE SET reports = "MatchKey".reports + excluded.reports;
  INSERT INTO "MatchKeyPair" (kind, field, key, reports)
  SELECT kind, field, key, count(*)::int FROM (
    SELECT r.kind, 'nn' AS field, a || '+' || b AS key FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."nameKeys") AS b WHERE a < b
    UNION ALL SELECT r.kind, 'ng', a || '+' || g FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."guardianKeys") AS g
  ) AS t
  GROUP BY kind, field, key
  ORDER BY kind, field, key
  ON CONFLICT (kind, field, key) DO UPDATE SET reports = "MatchKeyPair".reports + excluded.reports;
  RETURN NULL;
END $$;

-- prisma/sql/functions/raksha_record_case_step.sql
-- One case step (registration, event, escalation, escalation action) in one statement, so the
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
      INSERT INTO "Case" ("id", "track", "districtCode", "stateCode", "childName", "registeredAt", "registeredBy",
                          "state", "phase", "sequence", "nextDueAt", "openDeadlines", "updatedAt")
      VALUES (case_id, c->>'track', c->>'districtCode', c->>'stateCode', c->>'childName', (c->>'registeredAt')::timestamptz,
              c->>'registeredBy', c->>'state', c->>'phase', seq, (c->>'nextDueAt')::timestamptz, c->'openDeadlines', now());
    WHEN 'transition' THEN
      UPDATE "Case" SET
        "state" = c->>'state',
        "phase" = c->>'phase',
        "sequence" = seq,
        "nextDueAt" = (c->>'nextDueAt')::timestamptz,
        "openDeadlines" = c->'openDeadlines',
        "track" = coalesce(c->>'track', "track"),
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
      -- An obligation met late: its escalations stay on record, marked with when it was met.
      UPDATE "Escalation" x SET "metAt" = at_
      WHERE x."caseId" = case_id AND x."metAt" IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(c->'openDeadlines') d
          WHERE d->>'id' = x."deadlineId" AND (d->>'dueAt')::timestamptz = x."dueAt");
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
    ELSE
      RAISE EXCEPTION 'unknown case step kind %', step->>'kind';
  END CASE;

  INSERT INTO "TimelineEntry" ("caseId", "sequence", "eventType", "fromState", "toState", "actorId", "actorRole",
                               "payload", "deadlines", "occurredAt")
  VALUES (case_id, seq, tl->>'eventType', tl->>'fromState', tl->>'toState', tl->>'actorId', tl->>'actorRole',
          tl->'payload', coalesce(tl->'deadlines', '{}'), at_);

  PERFORM raksha_append_audit_entry(au);
  RETURN true;
END;
$$;

-- prisma/sql/functions/raksha_recount_match_keys.sql
-- Reports stored before a change to the matching keys (BLOCKING_KEYS_VERSION) are re-keyed by the worker: the counts
-- in "MatchKey" and "MatchKeyPair" follow their keys on update as they do on insert (raksha_count_match_keys), by the
-- difference between the rows before and after; an update that leaves the keys alone changes no count.
CREATE OR REPLACE FUNCTION raksha_recount_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MatchKey" (kind, field, key, reports)
  SELECT kind, field, key, sum(d)::int FROM (
    SELECT r.kind, 'n' AS field, k AS key, 1 AS d FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS k
    UNION ALL SELECT r.kind, 's', k, 1 FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameSkeletons") AS k
    UNION ALL SELECT r.kind, 'g', k, 1 FROM new_reports AS r CROSS JOIN LATERAL unnest(r."guardianKeys") AS k
    UNION ALL SELECT r.kind, 'n', k, -1 FROM old_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS k
    UNION ALL SELECT r.kind, 's', k, -1 FROM old_reports AS r CROSS JOIN LATERAL unnest(r."nameSkeletons") AS k
    UNION ALL SELECT r.kind, 'g', k, -1 FROM old_reports AS r CROSS JOIN LATERAL unnest(r."guardianKeys") AS k
  ) AS t
  GROUP BY kind, field, key
  HAVING sum(d) <> 0
  ORDER BY kind, field, key
  ON CONFLICT (kind, field, key) DO UPDATE SET reports = "MatchKey".reports + excluded.reports;
  INSERT INTO "MatchKeyPair" (kind, field, key, reports)
  SELECT kind, field, key, sum(d)::int FROM (
    SELECT r.kind, 'nn' AS field, a || '+' || b AS key, 1 AS d FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."nameKeys") AS b WHERE a < b
    UNION ALL SELECT r.kind, 'ng', a || '+' || g, 1 FROM new_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."guardianKeys") AS g
    UNION ALL SELECT r.kind, 'nn', a || '+' || b, -1 FROM old_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."nameKeys") AS b WHERE a < b
    UNION ALL SELECT r.kind, 'ng', a || '+' || g, -1 FROM old_reports AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS a
      CROSS JOIN LATERAL unnest(r."guardianKeys") AS g
  ) AS t
  GROUP BY kind, field, key
  HAVING sum(d) <> 0
  ORDER BY kind, field, key
  ON CONFLICT (kind, field, key) DO UPDATE SET reports = "MatchKeyPair".reports + excluded.reports;
  RETURN NULL;
END $$;

-- prisma/sql/triggers/ChildReport_count_match_keys.sql
-- Counts the keys of each inserted statement's reports (raksha_count_match_keys).
CREATE OR REPLACE TRIGGER "ChildReport_count_match_keys" AFTER INSERT ON "ChildReport"
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION raksha_count_match_keys();

-- prisma/sql/triggers/ChildReport_recount_match_keys.sql
-- Follows the keys of re-keyed reports in the counts (raksha_recount_match_keys).
CREATE OR REPLACE TRIGGER "ChildReport_recount_match_keys" AFTER UPDATE ON "ChildReport"
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION raksha_recount_match_keys();
