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
