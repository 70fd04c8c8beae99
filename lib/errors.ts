import { isDatabaseUnavailable, isDataException, isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "@/lib/db/prisma-errors";
import { type FieldIssue, summarizeIssues, zodFields } from "@/lib/validation/issues";

/**
 * Every failure code the platform reports, with its HTTP status (after dub's error-codes.ts). The
 * API's envelope, the operator CLI's JSON and the server actions' results all use these codes.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_ERROR: 400,
  INVALID_IDEMPOTENCY_KEY: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  TENANT_MISMATCH: 403,
  TENANT_HEADER_REQUIRED: 403,
  TENANT_ACCESS_DENIED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * Errors that domain code throws. They carry no HTTP knowledge, only their code; each surface (API,
 * CLI, server actions) reports them through `describeError`. The class → code table is the
 * subclasses below; there is no domain error without a code.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `new NotFoundError("Job")` → "Job not found" (the seed's wording). Also: outside the caller's scope. */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(readonly resourceLabel: string) {
    super(`${resourceLabel} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

/** Input that parsed but makes no sense here (e.g. a driver of another tenant). */
export class InvalidInputError extends DomainError {
  readonly code = "BAD_REQUEST";
}

/** The caller is known and may see the thing, but their role does not allow this action. */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}

/** No signed-in user, or credentials that do not match. */
export class UnauthorizedError extends DomainError {
  readonly code = "UNAUTHORIZED";
}

/** Too many attempts; the message says when to try again. */
export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";
}

/** A dependency is down; retrying later may work. */
export class UnavailableError extends DomainError {
  readonly code = "SERVICE_UNAVAILABLE";
}

export type ErrorDescription = {
  code: ErrorCode;
  status: number;
  message: string;
  details: Record<string, unknown>;
  /** VALIDATION_ERROR only: every field that failed. */
  fields?: FieldIssue[];
};

function described(code: ErrorCode, message: string, details: Record<string, unknown> = {}): ErrorDescription {
  return { code, status: ERROR_STATUS[code], message, details };
}

/**
 * Anything thrown → its code, status and a message safe to show. Unknown errors become a generic
 * INTERNAL_ERROR: their text may hold SQL, paths or secrets, so the caller logs them instead.
 */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof DomainError) return described(error.code, error.message, error.details ?? {});
  const fields = zodFields(error);
  if (fields) return { ...described("VALIDATION_ERROR", summarizeIssues(fields), { fields }), fields };
  if (isRecordNotFound(error)) return described("NOT_FOUND", "Resource not found");
  if (isUniqueViolation(error)) return described("CONFLICT", "A resource with these values already exists");
  if (isForeignKeyViolation(error)) return described("CONFLICT", "A related resource does not exist or is still in use");
  if (isDataException(error)) return described("BAD_REQUEST", "A value in the request cannot be stored or compared (out of range or not valid text)");
  if (isDatabaseUnavailable(error)) return described("SERVICE_UNAVAILABLE", "The database is unavailable; retry shortly");
  return described("INTERNAL_ERROR", "An unexpected error occurred");
}
