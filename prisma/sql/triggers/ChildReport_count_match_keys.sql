-- Counts the keys of each inserted statement's reports (raksha_count_match_keys).
CREATE OR REPLACE TRIGGER "ChildReport_count_match_keys" AFTER INSERT ON "ChildReport"
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION raksha_count_match_keys();
