import "server-only";
import type { z } from "zod";
import { ApiError, validationError } from "../errors";
import { issuePath } from "@/lib/validation/issues";
import { textIssues } from "../text-issues";

/** Query string → plain object; a repeated parameter becomes an array. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** Validates one input; failures become 400 VALIDATION_ERROR listing every field. `prefix` names the part. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix: "body" | "query" | "params"): z.output<S> {
  const named = (path: readonly PropertyKey[]) => {
    const text = issuePath(path);
    if (prefix === "body") return text;
    return text ? `${prefix}.${text}` : prefix;
  };
  // Before the schema: text no column can hold is refused in every part, whatever the field.
  const unstorable = textIssues(value);
  if (unstorable.length > 0) throw validationError(unstorable.map((issue) => ({ ...issue, path: named(issue.path ? [issue.path] : []) })));
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.flatMap((issue) =>
      // A strict schema reports unknown keys in one issue at the parent: name each field instead.
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ path: named([...issue.path, key]), message: "Unknown field" }))
        : [{ path: named(issue.path), message: issue.message }],
    ),
  );
}

function isJsonContentType(value: string | null): boolean {
  if (value === null) return true; // no declared type: try JSON (what curl -d users expect to work)
  const type = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** Raw body → JSON value: 415 for a non-JSON content type, 400 INVALID_JSON for bad syntax. */
export function parseJsonBody(raw: string, contentType: string | null): unknown {
  if (raw.trim() === "") return undefined;
  if (!isJsonContentType(contentType)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON with `Content-Type: application/json`");
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new ApiError("INVALID_JSON", `The request body is not valid JSON${detail}`);
  }
}
