import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { type FieldIssue, summarizeIssues } from "@/lib/validation/issues";

/** Extra machine-readable fields placed beside `code` and `message` in the error object. */
export type ErrorDetails = Record<string, unknown>;

/**
 * An error that already knows its API code (and so its status). Pipeline steps throw these;
 * domain code throws `lib/errors.ts` errors instead, which are mapped once in map-error.ts.
 */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** Response headers that belong to this failure (e.g. WWW-Authenticate, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }
}

export function unauthorized(message: string): ApiError {
  return new ApiError("UNAUTHORIZED", message, {}, { "WWW-Authenticate": 'Bearer realm="klau"' });
}

export function notFound(message = "Not found"): ApiError {
  return new ApiError("NOT_FOUND", message);
}

export function validationError(fields: FieldIssue[]): ApiError {
  return new ApiError("VALIDATION_ERROR", summarizeIssues(fields), { fields });
}
