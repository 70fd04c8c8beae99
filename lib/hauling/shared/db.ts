import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The root client: domain functions that need a transaction take this and use only the tx inside. */
export type HaulingDb = Db;
/** Either the root client or a transaction client, for helpers that run inside a transaction. */
export type HaulingClient = Db | Prisma.TransactionClient;
