-- A district created (the seed, an import) gets its code in case numbers (raksha_district_case_code) unless given one.
CREATE OR REPLACE FUNCTION raksha_assign_district_case_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."caseCode" IS NULL THEN
    NEW."caseCode" := raksha_district_case_code(NEW.code, NEW."stateCode");
  END IF;
  RETURN NEW;
END $$;
