-- A district's code in case numbers: its code without the state's prefix (RJ-JAIPUR: JAIPUR), cut to 12 characters,
-- with a digit added when another district of the state has it already (NORTH-24-PAR, NORTH-24-PA2).
CREATE OR REPLACE FUNCTION raksha_district_case_code(district_code text, state_code text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  name_part text := CASE WHEN district_code LIKE state_code || '-%' THEN substr(district_code, length(state_code) + 2) ELSE district_code END;
  base text := rtrim(left(upper(regexp_replace(name_part, '[^A-Za-z0-9-]', '', 'g')), 12), '-');
  candidate text := base;
  n integer := 1;
BEGIN
  WHILE EXISTS (SELECT 1 FROM "District" WHERE "stateCode" = state_code AND "caseCode" = candidate AND code <> district_code) LOOP
    n := n + 1;
    candidate := rtrim(left(base, 12 - length(n::text)), '-') || n::text;
  END LOOP;
  RETURN candidate;
END $$;
