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
