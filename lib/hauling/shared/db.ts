import "server-only";
import type { DbClient } from "@/lib/db/transaction";

/**
 * The root client or the caller's transaction (the API runs an idempotent write in one): domain
 * functions that need a transaction open it with `inTransaction` and use only the tx inside.
 */
export type HaulingDb = DbClient;
/** Either the root client or a transaction client, for helpers that run inside a transaction. */
export type HaulingClient = DbClient;
