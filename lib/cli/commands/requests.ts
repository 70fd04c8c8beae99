import "server-only";
import { z } from "zod";
import { entityId } from "@/lib/tenancy/schemas";
import { defineCommand } from "../define-command";
import { wholeNumber } from "../flags";

export const requestsList = defineCommand({
  name: "requests list",
  summary: "Show a company's latest API requests, newest first, with who made each (key, vendor or console user)",
  usage: "--company ID [--limit N (1-500, default 50)]",
  options: { company: "string", limit: "string" },
  input: z.object({
    company: entityId,
    limit: wholeNumber.pipe(z.number().min(1, "must be at least 1").max(500, "must be at most 500")).default(50),
  }),
  run: async ({ db }, f) => (await import("@/lib/request-log/recent")).recentRequests(db, { companyId: f.company, limit: f.limit }),
});
