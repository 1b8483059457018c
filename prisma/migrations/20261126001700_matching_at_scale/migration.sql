-- CreateTable
CREATE TABLE "MatchKey" (
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reports" INTEGER NOT NULL,

    CONSTRAINT "MatchKey_pkey" PRIMARY KEY ("kind","field","key")
);

-- CreateIndex
CREATE INDEX "MatchKey_key_idx" ON "MatchKey" USING GIN ("key" gin_trgm_ops);


-- Candidate search at national scale (libs/db report.repository.ts builds the matching query terms).
-- Each report's blocking keys (n: name key, s: its consonant skeleton, g: a guardian's name key) as GIN terms:
--   the key alone                                        n:puja
--   the key with the district and a birth year            n:puja@BR-PATNA~2012  (~* any age, ~? age not known)
--   the key with the month of the date and a birth year   n:puja#202403~2012
-- two of the child's name keys (nn:puja+sarma), a name key with a guardian's (ng:puja+ramesh), and the district with
-- the week of the date (d:, and a: for a report without a usable name) for the search by the other fields.
-- Dates and birth years are UTC calendar values, so the function is immutable.
CREATE FUNCTION raksha_block_terms(name_keys text[], skeletons text[], guardian_keys text[], district text, at timestamptz,
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

ALTER TABLE "ChildReport" ADD COLUMN "blockTerms" text[] GENERATED ALWAYS AS (
  raksha_block_terms("nameKeys", "nameSkeletons", "guardianKeys", "districtCode", "occurredAt", "birthYearMin", "birthYearMax", "searchByAttributes")
) STORED;
CREATE INDEX "ChildReport_blockTerms_idx" ON "ChildReport" USING GIN ("blockTerms");

-- Counts of each key per kind (and '*': all reports of the kind), one upsert per inserting statement, in key order so
-- that concurrent inserts cannot deadlock. Reports filed, not only open ones: the population a name is drawn from.
CREATE FUNCTION raksha_count_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NULL;
END $$;

CREATE TRIGGER "ChildReport_count_match_keys" AFTER INSERT ON "ChildReport"
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION raksha_count_match_keys();

INSERT INTO "MatchKey" (kind, field, key, reports)
SELECT kind, field, key, count(*)::int FROM (
  SELECT r.kind, 'n' AS field, k AS key FROM "ChildReport" AS r CROSS JOIN LATERAL unnest(r."nameKeys") AS k
  UNION ALL SELECT r.kind, 's', k FROM "ChildReport" AS r CROSS JOIN LATERAL unnest(r."nameSkeletons") AS k
  UNION ALL SELECT r.kind, 'g', k FROM "ChildReport" AS r CROSS JOIN LATERAL unnest(r."guardianKeys") AS k
  UNION ALL SELECT r.kind, '*', '' FROM "ChildReport" AS r
) AS t
GROUP BY kind, field, key;
