import { KEY_STATUSES } from "./status";

/**
 * The key list's status filter: "current" (everything but revoked keys), one status, or all. Its own
 * module, free of zod and the database, because the list's toolbar (a client component) needs it.
 */
export const KEY_FILTERS = ["current", ...KEY_STATUSES, "all"] as const;
export type KeyFilter = (typeof KEY_FILTERS)[number];
