import "server-only";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { checkKeyFormat, hashKey } from "./format";
import { revokeKeysByHash } from "./service";

/**
 * A leaked-key report (`POST /api/v1/keys/revoke-leaked`): every well-formed secret is hashed and
 * each working key among them revoked. The answer counts what was received, never what was found,
 * so the endpoint cannot be used to tell live keys from dead ones.
 */
export async function revokeLeakedKeys(db: Db, actor: Actor, secrets: readonly string[]): Promise<{ received: number }> {
  const hashes = [
    ...new Set(
      secrets
        .map((s) => s.trim())
        .filter((s) => checkKeyFormat(s) === "ok")
        .map(hashKey),
    ),
  ];
  await revokeKeysByHash(db, actor, hashes);
  return { received: secrets.length };
}
