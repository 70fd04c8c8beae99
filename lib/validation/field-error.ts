import "server-only";
import { ZodError } from "zod";

/**
 * A domain rule about one input field (a name already taken, an expiry beyond the tenant's maximum)
 * reported like a schema failure: VALIDATION_ERROR naming the field, so a form shows it next to it.
 */
export function fieldError(field: string, message: string): ZodError {
  return new ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}
