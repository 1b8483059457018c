-- New match candidates feed the partner event outbox (raksha_partner_event_from_match).
CREATE OR REPLACE TRIGGER "MatchCandidate_partner_events" AFTER INSERT ON "MatchCandidate"
  REFERENCING NEW TABLE AS new_candidates FOR EACH STATEMENT EXECUTE FUNCTION raksha_partner_event_from_match();
