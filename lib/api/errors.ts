import "server-only";
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

/** At most this many field errors are listed, each path and message at most 200 characters: the
 * answer to a hostile body (90 000 unknown fields, a 900 KB field name) stays small, and so does
 * its idempotency record, which keeps the answer for 24 h. */
export const MAX_LISTED_FIELDS = 20;
const MAX_TEXT = 200;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

export function validationError(all: FieldIssue[]): ApiError {
  const fields = all.slice(0, MAX_LISTED_FIELDS).map((f) => ({ path: clip(f.path), message: clip(f.message) }));
  // The summary names the first (clipped) field and counts them all.
  const message = summarizeIssues([...fields, ...all.slice(fields.length)]);
  const omitted = all.length - fields.length;
  return new ApiError("VALIDATION_ERROR", message, omitted > 0 ? { fields, moreFields: omitted } : { fields });
}
