import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "./transaction";
import type { Db } from "./client";
import { prismaClientOnPool } from "./client-on-pool";
import { applyMigrations } from "./migrate";
import { emptyPglite, migratedPglite } from "./pglite-template";
import { pgClientExecutor, pgliteExecutor, type SqlExecutor } from "./sql-executor";

export interface TestDatabase {
  db: Db;
  /** Where it lives: "pglite" (in memory) or the PostgreSQL URL of the fresh database. */
  kind: "pglite" | "postgres";
  url: string | null;
  /** Subscribes to a NOTIFY channel of this database (until cleanup). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one integration test file: in-memory PGlite by default, or a
 * new `klau_test_<random>` database on the server named by TEST_DATABASE_URL (dropped in cleanup).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPgliteTestDatabase();
}

async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const pglite = await migratedPglite();
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    db,
    kind: "pglite",
    url: null,
    listen: async (channel, onPayload) => {
      await pglite.listen(channel, onPayload);
    },
    cleanup: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

/** The server URL with its database name swapped. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `klau_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = withDatabaseName(serverUrl, name);
  const drop = () => withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await withClient(url, (client) => applyMigrations(pgClientExecutor(client)));
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const db = prismaClientOnPool(pool);
  const listeners: pg.Client[] = [];
  return {
    db,
    kind: "postgres",
    url,
    listen: async (channel, onPayload) => {
      const client = new pg.Client({ connectionString: url });
      listeners.push(client);
      client.on("notification", (message) => {
        if (message.channel === channel) onPayload(message.payload ?? "");
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    },
    cleanup: async () => {
      await Promise.all(listeners.map((client) => client.end().catch(() => undefined)));
      await db.$disconnect();
      await pool.end();
      await drop();
    },
  };
}

/**
 * An empty database (no migrations applied) and a raw SQL session on it, for testing the migration
 * runner itself: in-memory PGlite, or a fresh database on TEST_DATABASE_URL's server.
 */
export async function createEmptyTestDatabase(): Promise<{
  kind: "pglite" | "postgres";
  executor: SqlExecutor;
  /** Another independent session on the same database (PostgreSQL only; PGlite has one session). */
  openSession?: () => Promise<{ executor: SqlExecutor; close(): Promise<void> }>;
  cleanup(): Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    const pglite = await emptyPglite();
    return { kind: "pglite", executor: pgliteExecutor(pglite), cleanup: () => pglite.close() };
  }
  const name = `klau_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = withDatabaseName(serverUrl, name);
  const sessions: pg.Client[] = [];
  const openSession = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    sessions.push(client);
    return { executor: pgClientExecutor(client), close: () => client.end() };
  };
  const main = await openSession();
  return {
    kind: "postgres",
    executor: main.executor,
    openSession,
    cleanup: async () => {
      await Promise.allSettled(sessions.map((client) => client.end()));
      await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
