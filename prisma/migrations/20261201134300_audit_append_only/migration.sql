-- Audit events are append-only: no UPDATE, no TRUNCATE, and a DELETE only from the retention purge
-- (lib/retention/purge.ts), which sets `klau.audit_purge_before` for its own transaction; even then
-- only rows older than that instant go. The app, the CLI and the API have no edit or delete path;
-- this makes plain SQL through the app's connection refuse it too.
CREATE FUNCTION "klau_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  purge_before text := current_setting('klau.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> ''
     AND OLD."createdAt" < purge_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events cannot be changed or deleted (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "klau_audit_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "klau_audit_append_only"();

CREATE TRIGGER "klau_audit_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "klau_audit_append_only"();
