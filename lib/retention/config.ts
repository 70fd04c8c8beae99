/**
 * How long logs are kept: the request log (and its hourly roll-up) 30 days, audit events 365 days,
 * unless KLAU_REQUEST_LOG_DAYS / KLAU_AUDIT_DAYS say otherwise (whole days, at least 1).
 */
export type Retention = { requestLogDays: number; auditDays: number };

export const DEFAULT_RETENTION: Retention = { requestLogDays: 30, auditDays: 365 };

function days(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 36_500) {
    throw new Error(`${name} must be a whole number of days between 1 and 36500 (got "${raw}")`);
  }
  return value;
}

export function retentionFromEnv(env: Record<string, string | undefined> = process.env): Retention {
  return {
    requestLogDays: days("KLAU_REQUEST_LOG_DAYS", env.KLAU_REQUEST_LOG_DAYS, DEFAULT_RETENTION.requestLogDays),
    auditDays: days("KLAU_AUDIT_DAYS", env.KLAU_AUDIT_DAYS, DEFAULT_RETENTION.auditDays),
  };
}
