-- Every committed change to data that a cached read may show is announced on the channel `si_data_changed` (payload:
-- the table), so that every app instance drops its read cache (src/server/lib/read-cache.ts). PostgreSQL delivers a
-- NOTIFY only when its transaction commits, once per transaction and payload, in commit order.
CREATE FUNCTION announce_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('si_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table but those no cached read shows: sessions, sign-in and rate-limit counters, tokens, the job queue, the
-- audit trail, notifications, the email outbox and the receipt and project number counters. A table added later
-- joins this list or gets the trigger (tests/integration/read-cache.int.test.ts checks every table).
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public'
      AND tablename NOT IN ('sessions', 'rate_limits', 'auth_tokens', 'jobs', 'audit_events', 'notifications',
                            'email_outbox', 'call_receipt_counters', 'project_number_counters', 'proposals')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER announce_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change()', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A draft's own edits (autosave) change nothing a cached read shows: cached reads count and show submitted
-- proposals only. A proposal is announced when it is created or deleted, and when it is or was not a draft.
CREATE TRIGGER announce_data_change AFTER INSERT OR DELETE OR TRUNCATE ON proposals
  FOR EACH STATEMENT EXECUTE FUNCTION announce_data_change();
--> statement-breakpoint
CREATE TRIGGER announce_data_change_update AFTER UPDATE ON proposals FOR EACH ROW
  WHEN (OLD.status <> 'draft' OR NEW.status <> 'draft') EXECUTE FUNCTION announce_data_change();
