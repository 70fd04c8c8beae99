-- Change notifications for the hauling tables: every process that caches API answers LISTENs on
-- klau_hauling_changed and drops the tenant's cached answers (lib/read-cache). A trigger, not the
-- application, sends them, so writes from any instance, the operator CLI or plain SQL are all seen.
-- PostgreSQL delivers them at commit and folds identical payloads of one transaction into one.

CREATE FUNCTION "klau_notify_hauling_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('klau_hauling_changed', '');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('klau_hauling_changed', OLD."companyId");
  ELSE
    PERFORM pg_notify('klau_hauling_changed', NEW."companyId");
    IF TG_OP = 'UPDATE' AND OLD."companyId" IS DISTINCT FROM NEW."companyId" THEN
      PERFORM pg_notify('klau_hauling_changed', OLD."companyId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  hauling_table text;
BEGIN
  FOREACH hauling_table IN ARRAY ARRAY['Customer', 'Site', 'Yard', 'DumpSite', 'Material', 'Driver', 'Truck', 'Job', 'Dispatch'] LOOP
    EXECUTE format(
      'CREATE TRIGGER "klau_hauling_changed" AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "klau_notify_hauling_changed"()',
      hauling_table);
    EXECUTE format(
      'CREATE TRIGGER "klau_hauling_truncated" AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "klau_notify_hauling_changed"()',
      hauling_table);
  END LOOP;
END;
$$;
