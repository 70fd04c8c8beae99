import "server-only";
import { describeError } from "@/lib/errors";
import { ApiError, validationError } from "./errors";

/**
 * Maps anything a route can throw to an ApiError, once, through the one error table
 * (`describeError` in lib/errors.ts). Unknown errors become a generic 500 whose text never reaches
 * the client; the caller logs them.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { code, message, details, fields } = describeError(error);
  if (fields) return validationError(fields); // capped like the parse step's
  const headers: Record<string, string> = code === "SERVICE_UNAVAILABLE" ? { "Retry-After": "5" } : {};
  return new ApiError(code, message, details, headers);
}
