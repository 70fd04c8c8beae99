import "server-only";
/** Who performed an action: a signed-in user, or an automation such as the operator CLI. */
export type Actor = {
  /** The user's id, or null for the CLI and other automation. */
  userId: string | null;
  /** Readable even after the user is gone: an email, or "cli". */
  label: string;
  ip?: string | null;
};

export const AUDIT_ACTIONS = [
  "company.created",
  "vendor.created",
  "user.created",
  "api_key.created",
  "api_key.revoked",
  "api_key.rolled",
  "api_key.updated",
  "api_key.leak_reported",
  "company.key_lifetime_changed",
  "api_key.scopes_reduced",
  "partnership.created",
  "partnership.updated",
  "partnership.revoked",
  "partnership.requested",
  "partnership.request_withdrawn",
  "partnership.approved",
  "partnership.denied",
  "partnership.grant_changed",
  "partnership.suspended",
  "partnership.resumed",
  "partnership.ended",
  "user.signed_in",
  "user.sign_in_failed",
  "console.credential_issued",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEventInput = {
  actor: Actor;
  action: AuditAction;
  target: { type: string; id?: string | null };
  /** The tenant the event belongs to (shown in that company's audit log). */
  companyId?: string | null;
  vendorId?: string | null;
  metadata?: Record<string, unknown>;
};

/** The CLI's actor. Commands relayed through the running app keep this label. */
export const CLI_ACTOR: Actor = { userId: null, label: "cli", ip: null };
