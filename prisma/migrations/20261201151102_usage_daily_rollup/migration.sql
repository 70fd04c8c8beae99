-- CreateTable
CREATE TABLE "ApiUsageDaily" (
    "companyId" TEXT NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "errorCode" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "latencyBucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "durationMsSum" BIGINT NOT NULL,

    CONSTRAINT "ApiUsageDaily_pkey" PRIMARY KEY ("companyId","day","apiKeyId","vendorId","method","route","status","errorCode","scope","latencyBucket")
);

-- The roll-up trigger now adds each INSERT's rows to their hour and to their UTC day.
CREATE OR REPLACE FUNCTION "klau_roll_up_requests"() RETURNS trigger
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
  INSERT INTO "ApiUsageDaily" ("companyId", "day", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
  SELECT "companyId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("apiKeyId", ''), coalesce("vendorId", ''),
         "method", "klau_usage_route"("path"), "status", coalesce("errorCode", ''), coalesce("scope", ''), "klau_latency_bucket"("durationMs"),
         count(*)::integer, sum("durationMs")
  FROM new_rows
  WHERE "companyId" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT ("companyId", "day", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket")
  DO UPDATE SET "count" = "ApiUsageDaily"."count" + EXCLUDED."count",
                "durationMsSum" = "ApiUsageDaily"."durationMsSum" + EXCLUDED."durationMsSum";
  RETURN NULL;
END;
$$;

-- Days rolled up before this migration.
INSERT INTO "ApiUsageDaily" ("companyId", "day", "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket", "count", "durationMsSum")
SELECT "companyId", date_trunc('day', "hour" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "apiKeyId", "vendorId", "method", "route", "status", "errorCode", "scope", "latencyBucket",
       sum("count")::integer, sum("durationMsSum")
FROM "ApiUsageHourly"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
