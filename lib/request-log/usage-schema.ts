import { z } from "zod";

/** The shapes of the usage report: the API's documented answer and the page's data (one source). */
const counts = z
  .object({ "2xx": z.number().int(), "4xx": z.number().int(), "429": z.number().int(), "5xx": z.number().int() })
  .meta({ id: "UsageOutcomes", description: "Requests by outcome: success (2xx/3xx), client error (4xx but 429), rate limited (429), server error (5xx)" });

const ms = z.number().int().nullable().meta({ description: "Upper bound (ms) of the latency bucket; null without requests" });

export const usagePointSchema = z
  .object({ start: z.string().meta({ format: "date-time" }), total: z.number().int(), outcomes: counts, p50Ms: ms, p95Ms: ms })
  .meta({ id: "UsagePoint" });

export const usageDaySchema = z
  .object({
    date: z.string().meta({ format: "date", example: "2026-03-15" }),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).meta({ description: "Requests per HTTP status", example: { "200": 412, "404": 3 } }),
  })
  .meta({ id: "UsageDay" });

export const usageReportSchema = z
  .object({
    from: z.string().meta({ format: "date" }),
    to: z.string().meta({ format: "date" }),
    granularity: z.enum(["hour", "day"]).meta({ description: "Width of each `series` point" }),
    total: z.number().int(),
    outcomes: counts,
    latency: z.object({ p50Ms: ms, p95Ms: ms }),
    series: z.array(usagePointSchema).meta({ description: "Every hour or day of the range, oldest first, quiet ones as zero" }),
    days: z.array(usageDaySchema).meta({ description: "Days with at least one request, oldest first" }),
    endpoints: z
      .array(z.object({ method: z.string(), route: z.string().meta({ example: "/api/v1/jobs/{id}" }), total: z.number().int(), errors: z.number().int() }))
      .meta({ description: "The 10 busiest endpoints" }),
    errorCodes: z.array(z.object({ code: z.string().meta({ example: "INSUFFICIENT_SCOPE" }), total: z.number().int() })),
    identities: z
      .array(
        z.object({
          apiKeyId: z.string().nullable(),
          consoleUserId: z.string().nullable().meta({ description: "The user of a console session (Settings → Developer → Console); null for keys" }),
          vendorId: z.string().nullable(),
          total: z.number().int(),
          errors: z.number().int(),
        }),
      )
      .meta({ description: "Requests per key or console user (and vendor, for vendor keys)" }),
  })
  .meta({ id: "UsageReport" });

export const headroomSchema = z
  .object({
    identity: z.string().meta({ example: "company:a0000000-0000-4000-8000-000000000002" }),
    limit: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    resetsAt: z.string().nullable().meta({ format: "date-time", description: "End of the current window; null when it has not started" }),
    warning: z.boolean().meta({ description: "More than 80 % of the limit used" }),
  })
  .meta({ id: "RateLimitHeadroom" });

export const callerUsageSchema = usageReportSchema
  .extend({ rateLimit: headroomSchema.meta({ description: "The calling identity's current rate-limit window (after this request)" }) })
  .meta({ id: "CallerUsage" });

export type UsageOutcomeCounts = z.infer<typeof counts>;
export type UsagePoint = z.infer<typeof usagePointSchema>;
export type UsageDay = z.infer<typeof usageDaySchema>;
export type UsageReport = z.infer<typeof usageReportSchema>;
export type Headroom = z.infer<typeof headroomSchema>;
export type CallerUsage = z.infer<typeof callerUsageSchema>;
