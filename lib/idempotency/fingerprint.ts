import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** JSON bodies are compared by content (key order and whitespace don't matter); others byte for byte. */
function normalizedBody(body: string): string {
  if (body.trim() === "") return "";
  try {
    return JSON.stringify(canonical(JSON.parse(body)));
  } catch {
    return body;
  }
}

/** What makes two requests "the same" for an idempotency key: method, path + query, body. */
export function requestFingerprint(method: string, pathWithQuery: string, body: string): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()}\n${pathWithQuery}\n${normalizedBody(body)}`)
    .digest("hex");
}
