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
