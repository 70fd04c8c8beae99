import "server-only";
import { z } from "zod";
import { defineCommand } from "../define-command";

export const maintenancePurge = defineCommand({
  name: "maintenance purge",
  summary: "Delete request-log rows older than KLAU_REQUEST_LOG_DAYS (default 30) and audit events older than KLAU_AUDIT_DAYS (default 365), in batches",
  usage: "",
  options: {},
  input: z.object({}),
  run: async ({ db }) => {
    const [{ retentionFromEnv }, { purgeExpired }] = await Promise.all([import("@/lib/retention/config"), import("@/lib/retention/purge")]);
    return purgeExpired(db, retentionFromEnv());
  },
});
