-- Reports' and cases' audit entries feed the partner event outbox (raksha_partner_event_from_audit).
CREATE OR REPLACE TRIGGER "AuditEntry_partner_events" AFTER INSERT ON "AuditEntry"
  FOR EACH ROW WHEN (NEW.chain LIKE 'report:%' OR NEW.chain LIKE 'case:%') EXECUTE FUNCTION raksha_partner_event_from_audit();
