import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseNotifications, OpenedDatabase } from "./opened";
import { prismaClientOnPool } from "./client-on-pool";
import { startEmbeddedServer } from "./embedded-thread";
import { applyMigrations } from "./migrate";
import { acquireOwnership, releaseOwnership } from "./ownership";
import { pgClientExecutor } from "./sql-executor";

/** Where the owner lock of an embedded database lives: its data root (`.data`), beside `pglite/`. */
export function embeddedLockDir(pgliteDir: string): string {
  return path.dirname(pgliteDir);
}

type OnPayload = (payload: string) => void;

/**
 * PGlite is one session: a NOTIFY reaches whichever connection runs the statement that commits it,
 * which is the pool's one connection. So the listeners hang on that connection (and on its
 * replacement), not on a dedicated one as on a PostgreSQL server. LISTEN is the session's state, so
 * it outlives a reconnect of the socket.
 */
function poolNotifications(pool: pg.Pool): DatabaseNotifications {
  const listeners = new Map<string, Set<OnPayload>>();
  pool.on("connect", (client) => {
    client.on("notification", (message) => {
      for (const onPayload of listeners.get(message.channel) ?? []) onPayload(message.payload ?? "");
    });
  });
  return {
    async listen(channel, onPayload) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
      const known = listeners.get(channel);
      if (known) known.add(onPayload);
      else listeners.set(channel, new Set([onPayload]));
      await pool.query(`LISTEN ${channel}`);
    },
  };
}

/**
 * Opens the file-backed PGlite database, after taking ownership of its directory (a second process
 * would corrupt it), and brings its schema up to date. PGlite runs on its own thread
 * (lib/db/embedded-server.mjs), so its SQL does not take time from the thread that serves requests;
 * this process talks to it through `pg` and Prisma's pg adapter, as to a PostgreSQL server.
 */
export async function openEmbedded(target: { kind: "embedded"; dataDir: string }): Promise<OpenedDatabase> {
  acquireOwnership(embeddedLockDir(target.dataDir));
  // A short path of its own: Unix socket paths are limited to about 100 bytes.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "klau-pglite-"));
  // Also on an exit without close (Next exits on SIGTERM itself), as the owner lock is.
  const removeSocketDir = () => fs.rmSync(socketDir, { recursive: true, force: true });
  process.once("exit", removeSocketDir);
  let server: Awaited<ReturnType<typeof startEmbeddedServer>> | null = null;
  let pool: pg.Pool | null = null;
  const stop = async () => {
    await pool?.end().catch(() => undefined);
    await server?.stop();
    process.off("exit", removeSocketDir);
    removeSocketDir();
    releaseOwnership();
  };
  try {
    // PGlite crashes when the parent directory is missing.
    fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    server = await startEmbeddedServer(target.dataDir, socketDir);
    // One connection, never closed for idleness: PGlite is one session (embedded-server.mjs).
    // allowExitOnIdle lets a script that used the database exit without closing it.
    pool = new pg.Pool({ host: socketDir, user: "postgres", database: "postgres", max: 1, idleTimeoutMillis: 0, allowExitOnIdle: true });
    const notifications = poolNotifications(pool);
    const session = await pool.connect();
    const migrated = await applyMigrations(pgClientExecutor(session)).finally(() => session.release());
    const db = prismaClientOnPool(pool);
    return {
      db,
      target,
      migrated,
      notifications,
      close: async () => {
        await db.$disconnect();
        await stop();
      },
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
