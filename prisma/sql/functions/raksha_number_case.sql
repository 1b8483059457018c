-- A case inserted (by registration, a helpline rescue, an import: every path writes the row) takes the next number of
-- its district and year in the same transaction: the counter row's update holds its lock until the registration
-- commits, so two registrations never get one number; a registration rolled back gives its number back unused. A
-- number once committed is never given again: the counter only grows, and a case keeps its number when it moves.
CREATE OR REPLACE FUNCTION raksha_number_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  year_ integer := extract(year FROM NEW."registeredAt" AT TIME ZONE 'Asia/Kolkata')::integer;
  serial_ integer;
  code_ text;
BEGIN
  IF NEW."caseNumber" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  INSERT INTO "CaseNumberCounter" ("districtCode", "year", "lastSerial") VALUES (NEW."districtCode", year_, 1)
  ON CONFLICT ("districtCode", "year") DO UPDATE SET "lastSerial" = "CaseNumberCounter"."lastSerial" + 1
  RETURNING "lastSerial" INTO serial_;
  SELECT "caseCode" INTO code_ FROM "District" WHERE code = NEW."districtCode";
  NEW."caseNumber" := raksha_case_number(NEW."stateCode", coalesce(code_, raksha_district_case_code(NEW."districtCode", NEW."stateCode")), year_, serial_);
  RETURN NEW;
END $$;
