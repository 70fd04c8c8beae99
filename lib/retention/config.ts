import "server-only";
import { config, type Env } from "@/lib/config";

/**
 * How long logs are kept: the request log (and its roll-ups) 30 days, audit events 365 days, unless
 * KLAU_REQUEST_LOG_DAYS / KLAU_AUDIT_DAYS say otherwise (whole days, at least 1; lib/config.ts).
 */
export type Retention = { requestLogDays: number; auditDays: number };

export function retentionFromEnv(env?: Env): Retention {
  return config(env).retention;
}
