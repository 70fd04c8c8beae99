import "server-only";
import { z } from "zod";
import { entityId } from "@/lib/tenancy/schemas";
import { defineCommand } from "../define-command";
import { atMostOne, wholeNumber } from "../flags";

export const auditList = defineCommand({
  name: "audit list",
  summary: "Show recent audit events, newest first (of one company or vendor when given)",
  usage: "[--company ID | --vendor ID] [--limit N (1-500, default 50)]",
  options: { company: "string", vendor: "string", limit: "string" },
  input: z
    .object({
      company: entityId.optional(),
      vendor: entityId.optional(),
      limit: wholeNumber.pipe(z.number().min(1, "must be at least 1").max(500, "must be at most 500")).default(50),
    })
    .refine(...atMostOne(["company", "vendor"])),
  run: async ({ db, scope }, f) =>
    (await import("@/lib/audit-trail/list")).listAuditEvents(db, scope, { companyId: f.company, vendorId: f.vendor, limit: f.limit }),
});
