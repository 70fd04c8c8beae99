import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DatabaseTarget } from "./config";
import type { MigrateResult } from "./migrate";

export interface DatabaseNotifications {
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
}

export interface OpenedDatabase {
  db: PrismaClient;
  target: DatabaseTarget;
  /** Migrations applied while opening (embedded only; PostgreSQL is migrated by `npm run db:migrate`). */
  migrated?: MigrateResult;
  /**
   * Embedded only: LISTEN on the database's one session (lib/db/open-embedded.ts). A PostgreSQL
   * server is listened to on a connection of its own (lib/api/change-listener.ts).
   */
  notifications?: DatabaseNotifications;
  close(): Promise<void>;
}
