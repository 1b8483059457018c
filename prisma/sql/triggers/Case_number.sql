-- Each case gets its readable number when its row is written (raksha_number_case).
CREATE OR REPLACE TRIGGER "Case_number" BEFORE INSERT ON "Case"
  FOR EACH ROW EXECUTE FUNCTION raksha_number_case();
