// The embedded database's own thread (lib/db/open-embedded.ts starts it as a worker): PGlite runs
// its SQL in WebAssembly on the thread that calls it, so it lives here, off the thread that serves
// HTTP, and speaks the PostgreSQL wire protocol on a Unix socket. The app reaches it with the same
// `pg` driver and Prisma adapter as a PostgreSQL server.
//
// The protocol is PGlite's own: bytes go to `execProtocolRaw` and its answer goes back. What this
// file adds is framing: a client's messages are handed over up to and including Sync (or a simple
// Query), so PGlite sees each request whole and its error recovery ("skip until Sync") works as on a
// server. pglite-socket splits them one message at a time and loses the connection after a failed
// statement (a unique violation, say), which the idempotency store relies on.
//
// Plain JavaScript, not TypeScript: a worker is started from a file, under `next start` as under tsx.
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {{ dataDir: string; socketPath: string }} */
const { dataDir, socketPath } = workerData;

const SSL_REQUEST = 80877103;
/** Message types after which the client waits for an answer: Sync, Query, Flush. */
const REQUEST_ENDS = new Set(["S".charCodeAt(0), "Q".charCodeAt(0), "H".charCodeAt(0)]);
const TERMINATE = "X".charCodeAt(0);

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @type {PGlite | null} */
let db = null;
/** @type {net.Server | null} */
let server = null;
/** @type {Set<net.Socket>} */
const sockets = new Set();
let stopping = false;

/**
 * One client connection. Requests run one at a time in arrival order; PGlite is one session, and the
 * app's pool has a single connection, so requests of different connections never interleave inside a
 * transaction.
 * @param {PGlite} pglite
 * @param {net.Socket} socket
 */
function serve(pglite, socket) {
  sockets.add(socket);
  let pending = Buffer.alloc(0);
  let started = false;
  let queue = Promise.resolve();

  /** @param {Buffer} request */
  const run = (request) => {
    queue = queue
      .then(async () => {
        if (socket.destroyed) return;
        const answer = await pglite.runExclusive(() => pglite.execProtocolRaw(new Uint8Array(request)));
        if (answer.length > 0 && !socket.destroyed) socket.write(answer);
      })
      .catch((error) => {
        console.error(`embedded database: ${messageOf(error)}`);
        socket.destroy();
      });
  };

  socket.on("data", (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    // The startup message (and a preceding SSL request) has a length but no type byte.
    while (!started && pending.length >= 8 && pending.length >= pending.readInt32BE(0)) {
      const length = pending.readInt32BE(0);
      const message = pending.subarray(0, length);
      pending = pending.subarray(length);
      if (message.readInt32BE(4) === SSL_REQUEST) {
        socket.write("N"); // no TLS on a local socket
        continue;
      }
      started = true;
      run(Buffer.from(message));
    }
    if (!started) return;
    // Hand over every complete request: all whole messages up to the last Sync, Query or Flush.
    let offset = 0;
    let requestEnd = 0;
    while (pending.length - offset >= 5) {
      const type = pending[offset];
      const next = offset + 1 + pending.readInt32BE(offset + 1);
      if (next > pending.length) break;
      if (type === TERMINATE) {
        socket.end();
        return;
      }
      offset = next;
      if (type !== undefined && REQUEST_ENDS.has(type)) requestEnd = offset;
    }
    if (requestEnd > 0) {
      run(Buffer.from(pending.subarray(0, requestEnd)));
      pending = pending.subarray(requestEnd);
    }
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    sockets.delete(socket);
    // A connection that went away inside a transaction must not leave it open for the next one.
    queue = queue
      .then(async () => {
        if (!stopping && pglite.isInTransaction()) await pglite.exec("ROLLBACK");
      })
      .catch(() => undefined);
  });
}

async function stop() {
  stopping = true;
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => (server ? server.close(() => resolve(undefined)) : resolve(undefined)));
  await db?.close();
}

parentPort?.on("message", (message) => {
  if (message?.type !== "close") return;
  stop().then(
    () => parentPort?.postMessage({ type: "closed" }),
    (error) => parentPort?.postMessage({ type: "closed", error: messageOf(error) }),
  );
});

try {
  const pglite = await PGlite.create(dataDir);
  db = pglite;
  const listening = net.createServer((socket) => serve(pglite, socket));
  server = listening;
  await new Promise((resolve, reject) => {
    listening.once("error", reject);
    listening.listen(socketPath, () => resolve(undefined));
  });
  parentPort?.postMessage({ type: "ready" });
} catch (error) {
  await stop().catch(() => undefined);
  parentPort?.postMessage({ type: "failed", error: messageOf(error) });
}
