-- The hourly roll-up of the request log (ApiUsageHourly) is kept by the database itself: one
-- statement-level trigger adds each INSERT's rows, grouped, to their hour. Any writer (the app's
-- batched flush, a bench seeding a million rows, plain SQL) keeps the usage figures exact, and the
-- usage page reads the roll-up instead of scanning the log (docs/PERFORMANCE.md).

-- Latency buckets: upper bounds in ms, mirrored by lib/request-log/latency.ts.
CREATE FUNCTION "klau_latency_bucket"(duration_ms integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN duration_ms <= 5 THEN 5
    WHEN duration_ms <= 10 THEN 10
    WHEN duration_ms <= 25 THEN 25
    WHEN duration_ms <= 50 THEN 50
    WHEN duration_ms <= 100 THEN 100
    WHEN duration_ms <= 250 THEN 250
    WHEN duration_ms <= 500 THEN 500
    WHEN duration_ms <= 1000 THEN 1000
    WHEN duration_ms <= 2500 THEN 2500
    WHEN duration_ms <= 5000 THEN 5000
    WHEN duration_ms <= 10000 THEN 10000
    ELSE 2147483647
  END
$$;

-- "/api/v1/jobs/3f2…" → "/api/v1/jobs/{id}": one row per endpoint, not per record (mirrored by
-- lib/request-log/route.ts).
CREATE FUNCTION "klau_usage_route"(request_path text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(left(request_path, 200), '^(/api/v1/[^/]+)/.+$', '\1/{id}')
$$;

CREATE FUNCTION "klau_roll_up_requests"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ApiUsageHourly" ("companyId", "hour", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
  SELECT "companyId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("apiKeyId", ''), coalesce("vendorId", ''),
         "method", "klau_usage_route"("path"), "status", coalesce("errorCode", ''), coalesce("scope", ''), "klau_latency_bucket"("durationMs"),
         count(*)::integer, sum("durationMs")
  FROM new_rows
  WHERE "companyId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  -- The same lock order in every writer: concurrent flushes of two instances cannot deadlock.
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT ("companyId", "hour", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket")
  DO UPDATE SET "count" = "ApiUsageHourly"."count" + EXCLUDED."count",
                "durationMsSum" = "ApiUsageHourly"."durationMsSum" + EXCLUDED."durationMsSum";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "klau_roll_up_requests" AFTER INSERT ON "ApiRequestLog"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "klau_roll_up_requests"();

-- Requests logged before this migration.
INSERT INTO "ApiUsageHourly" ("companyId", "hour", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
SELECT "companyId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("apiKeyId", ''), coalesce("vendorId", ''),
       "method", "klau_usage_route"("path"), "status", coalesce("errorCode", ''), coalesce("scope", ''), "klau_latency_bucket"("durationMs"),
       count(*)::integer, sum("durationMs")
FROM "ApiRequestLog"
WHERE "companyId" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
