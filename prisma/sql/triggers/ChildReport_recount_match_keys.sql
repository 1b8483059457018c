-- Follows the keys of re-keyed reports in the counts (raksha_recount_match_keys).
CREATE OR REPLACE TRIGGER "ChildReport_recount_match_keys" AFTER UPDATE ON "ChildReport"
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION raksha_recount_match_keys();
