import { requestFingerprint } from "@/lib/idempotency/fingerprint";
import { IDEMPOTENCY_HEADER, isValidIdempotencyKey, methodUsesIdempotency } from "@/lib/idempotency/key";
import { type IdempotencyStart, purgeOccasionally, startIdempotent } from "@/lib/idempotency/protocol";
import type { IdempotencyStore, StoredResponse } from "@/lib/idempotency/types";
import { ApiError } from "../errors";

/** The idempotency key of a request, or null when it has none or its method is not idempotent-keyed. */
export function idempotencyKeyOf(method: string, headers: Headers): string | null {
  if (!methodUsesIdempotency(method)) return null;
  const value = headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (!isValidIdempotencyKey(value)) {
    throw new ApiError("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1–255 printable ASCII characters");
  }
  return value;
}

/** Step 6: claim the key (or replay / refuse). The caller executes only on `execute`. */
export async function beginIdempotency(
  store: IdempotencyStore,
  input: { identity: string; tenantId: string; key: string; method: string; pathWithQuery: string; body: string },
): Promise<IdempotencyStart> {
  purgeOccasionally(store);
  const fingerprint = requestFingerprint(input.method, input.pathWithQuery, input.body);
  return startIdempotent(store, { identity: input.identity, tenantId: input.tenantId, key: input.key, fingerprint });
}

/** A stored response sent again, unchanged, marked as a replay. */
export function replayResponse(stored: StoredResponse, headers: Headers): Response {
  for (const [name, value] of Object.entries(stored.headers)) headers.set(name, value);
  headers.set("x-idempotency-hit", "true");
  headers.set("idempotent-replayed", "true");
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
}
