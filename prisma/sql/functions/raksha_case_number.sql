-- The one place a case number is formed: state/district/year/serial, e.g. RJ/JAIPUR/2026/123. Short enough for an
-- SMS template's variable (at most 2+1+12+1+4+1+7 = 28 characters) and to be read out on the phone; no child's name
-- (JJ Act s.74). The year is the registration's in India time; the serial counts that district's registrations of the year.
CREATE OR REPLACE FUNCTION raksha_case_number(state_code text, district_case_code text, year_ integer, serial_ integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT state_code || '/' || district_case_code || '/' || year_::text || '/' || serial_::text
$$;
