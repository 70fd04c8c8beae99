import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** The PostgreSQL socket name `pg` looks for in a socket directory (`host` = that directory). */
const SOCKET_NAME = ".s.PGSQL.5432";

// A worker runs from a file. Resolved from the project root, where `next start`, the scripts and the
// tests run: the file is not part of any bundle.
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "embedded-server.mjs");

type WorkerMessage = { type: "ready" } | { type: "failed"; error: string } | { type: "closed"; error?: string };

export type EmbeddedServer = { stop(): Promise<void> };

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      cleanup();
      resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`The embedded database thread exited (code ${code})`));
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

/**
 * Starts PGlite on its own thread, serving the PostgreSQL protocol on a Unix socket in `socketDir`
 * (lib/db/embedded-server.mjs); resolves once it accepts connections.
 */
export async function startEmbeddedServer(dataDir: string, socketDir: string): Promise<EmbeddedServer> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir, socketPath: path.join(socketDir, SOCKET_NAME) } });
  // The thread must not keep a finished script alive; the pool's connection decides that.
  worker.unref();
  const first = await nextMessage(worker).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (first.type !== "ready") {
    await worker.terminate();
    throw new Error(`The embedded database did not open: ${"error" in first ? first.error : first.type}`);
  }
  let stopping: Promise<void> | null = null;
  return {
    stop: () => {
      stopping ??= (async () => {
        const closed = nextMessage(worker).catch(() => ({ type: "closed" }) as WorkerMessage);
        worker.postMessage({ type: "close" });
        const message = await closed;
        await worker.terminate();
        if (message.type === "closed" && message.error) throw new Error(`Closing the embedded database: ${message.error}`);
      })();
      return stopping;
    },
  };
}
