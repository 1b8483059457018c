-- Each district gets its code in case numbers when created (raksha_assign_district_case_code).
CREATE OR REPLACE TRIGGER "District_case_code" BEFORE INSERT ON "District"
  FOR EACH ROW EXECUTE FUNCTION raksha_assign_district_case_code();
