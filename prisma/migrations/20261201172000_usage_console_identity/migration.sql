-- Console sessions are an identity of their own in the usage roll-ups ("Console (email)"), as they
-- are in the request log. Rows rolled up before this migration keep '' (shown as "Console session").
ALTER TABLE "ApiUsageHourly" ADD COLUMN "consoleUserId" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ApiUsageDaily" ADD COLUMN "consoleUserId" TEXT NOT NULL DEFAULT '';

ALTER TABLE "ApiUsageHourly" DROP CONSTRAINT "ApiUsageHourly_pkey",
ADD CONSTRAINT "ApiUsageHourly_pkey" PRIMARY KEY ("companyId","hour","apiKeyId","consoleUserId","vendorId","method","route","status","errorCode","scope","latencyBucket");
ALTER TABLE "ApiUsageDaily" DROP CONSTRAINT "ApiUsageDaily_pkey",
ADD CONSTRAINT "ApiUsageDaily_pkey" PRIMARY KEY ("companyId","day","apiKeyId","consoleUserId","vendorId","method","route","status","errorCode","scope","latencyBucket");

-- The roll-up trigger keeps the console user apart.
CREATE OR REPLACE FUNCTION "klau_roll_up_requests"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ApiUsageHourly" ("companyId", "hour", "apiKeyId", "consoleUserId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
  SELECT "companyId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("apiKeyId", ''), coalesce("consoleUserId", ''), coalesce("vendorId", ''),
         "method", "klau_usage_route"("path"), "status", coalesce("errorCode", ''), coalesce("scope", ''), "klau_latency_bucket"("durationMs"),
         count(*)::integer, sum("durationMs")
  FROM new_rows
  WHERE "companyId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  -- The same lock order in every writer: concurrent flushes of two instances cannot deadlock.
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  ON CONFLICT ("companyId", "hour", "apiKeyId", "consoleUserId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket")
  DO UPDATE SET "count" = "ApiUsageHourly"."count" + EXCLUDED."count",
                "durationMsSum" = "ApiUsageHourly"."durationMsSum" + EXCLUDED."durationMsSum";
  INSERT INTO "ApiUsageDaily" ("companyId", "day", "apiKeyId", "consoleUserId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
  SELECT "companyId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("apiKeyId", ''), coalesce("consoleUserId", ''), coalesce("vendorId", ''),
         "method", "klau_usage_route"("path"), "status", coalesce("errorCode", ''), coalesce("scope", ''), "klau_latency_bucket"("durationMs"),
         count(*)::integer, sum("durationMs")
  FROM new_rows
  WHERE "companyId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  ON CONFLICT ("companyId", "day", "apiKeyId", "consoleUserId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket")
  DO UPDATE SET "count" = "ApiUsageDaily"."count" + EXCLUDED."count",
                "durationMsSum" = "ApiUsageDaily"."durationMsSum" + EXCLUDED."durationMsSum";
  RETURN NULL;
END;
$$;
