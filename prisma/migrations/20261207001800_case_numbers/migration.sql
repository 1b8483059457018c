-- AlterTable
ALTER TABLE "District" ADD COLUMN     "caseCode" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "caseNumber" TEXT;

-- AlterTable
ALTER TABLE "HelplineCall" ADD COLUMN     "bodyHash" TEXT;

-- CreateTable
CREATE TABLE "CaseNumberCounter" (
    "districtCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSerial" INTEGER NOT NULL,

    CONSTRAINT "CaseNumberCounter_pkey" PRIMARY KEY ("districtCode","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "District_stateCode_caseCode_key" ON "District"("stateCode", "caseCode");

-- CreateIndex
CREATE UNIQUE INDEX "Case_caseNumber_key" ON "Case"("caseNumber");


-- prisma/sql/functions/raksha_assign_district_case_code.sql
-- A district created (the seed, an import) gets its code in case numbers (raksha_district_case_code) unless given one.
CREATE OR REPLACE FUNCTION raksha_assign_district_case_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."caseCode" IS NULL THEN
    NEW."caseCode" := raksha_district_case_code(NEW.code, NEW."stateCode");
  END IF;
  RETURN NEW;
END $$;

-- prisma/sql/functions/raksha_case_number.sql
-- The one place a case number is formed: state/district/year/serial, e.g. RJ/JAIPUR/2026/123. Short enough for an
-- SMS template's variable (at most 2+1+12+1+4+1+7 = 28 characters) and to be read out on the phone; no child's name
-- (JJ Act s.74). The year is the registration's in India time; the serial counts that district's registrations of the year.
CREATE OR REPLACE FUNCTION raksha_case_number(state_code text, district_case_code text, year_ integer, serial_ integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT state_code || '/' || district_case_code || '/' || year_::text || '/' || serial_::text
$$;

-- prisma/sql/functions/raksha_district_case_code.sql
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

-- prisma/sql/functions/raksha_number_case.sql
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

-- prisma/sql/triggers/Case_number.sql
-- Each case gets its readable number when its row is written (raksha_number_case).
CREATE OR REPLACE TRIGGER "Case_number" BEFORE INSERT ON "Case"
  FOR EACH ROW EXECUTE FUNCTION raksha_number_case();

-- prisma/sql/triggers/District_case_code.sql
-- Each district gets its code in case numbers when created (raksha_assign_district_case_code).
CREATE OR REPLACE TRIGGER "District_case_code" BEFORE INSERT ON "District"
  FOR EACH ROW EXECUTE FUNCTION raksha_assign_district_case_code();

-- Data: each district's code in case numbers, then a number for every case registered before numbers existed (in
-- order of registration, per district and year in India time), and the counters they leave for the next registration.
-- A case already moved to another district is numbered in the district it is in now.
DO $$
DECLARE d record;
BEGIN
  FOR d IN SELECT code, "stateCode" FROM "District" WHERE "caseCode" IS NULL ORDER BY "stateCode", code LOOP
    UPDATE "District" SET "caseCode" = raksha_district_case_code(d.code, d."stateCode") WHERE code = d.code;
  END LOOP;
END $$;

WITH numbered AS (
  SELECT c.id, c."stateCode", d."caseCode", y.year,
         (row_number() OVER (PARTITION BY c."districtCode", y.year ORDER BY c."registeredAt", c.id))::int AS serial
  FROM "Case" c
  JOIN "District" d ON d.code = c."districtCode"
  CROSS JOIN LATERAL (SELECT extract(year FROM c."registeredAt" AT TIME ZONE 'Asia/Kolkata')::int AS year) y
  WHERE c."caseNumber" IS NULL)
UPDATE "Case" c SET "caseNumber" = raksha_case_number(n."stateCode", n."caseCode", n.year, n.serial)
FROM numbered n WHERE c.id = n.id;

INSERT INTO "CaseNumberCounter" ("districtCode", "year", "lastSerial")
SELECT "districtCode", extract(year FROM "registeredAt" AT TIME ZONE 'Asia/Kolkata')::int, count(*)::int FROM "Case" GROUP BY 1, 2;
