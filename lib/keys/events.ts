import "server-only";
import { changeEmitter } from "@/lib/db/notify";

/** A key revoked (or replaced by a roll): caches of verified keys drop it at once. */
export type KeyRevokedEvent = { id: string; hash: string };

export const KEY_REVOKED_CHANNEL = "klau_api_key_revoked";

const keyRevoked = changeEmitter<KeyRevokedEvent>("key-revoked");

/** Subscribe to key revocations (revoke and roll). Returns an unsubscribe function. */
export const onKeyRevoked = keyRevoked.on;
export const emitKeyRevoked = keyRevoked.emit;
