import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { assertPortFree } from "../fixtures/port";

/**
 * Instances of the built app (scripts/server.mjs on the production build, as scripts/e2e-server.mjs
 * runs it; its API bundle is built by e2e-server.mjs, which Playwright starts first), each in its own process group so that `kill()` (SIGKILL) takes the whole server down at once.
 */
export type Instance = {
  name: string;
  url: string;
  kill(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
};

async function waitHealthy(url: string, process: () => ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const child = process();
    if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the server exited while starting`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}: not healthy after ${timeoutMs} ms (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function instance(name: string, port: number, env: Record<string, string>, logFile: string): Instance {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile, { flags: "a" });
  return {
    name,
    url,
    kill() {
      if (child?.pid) signalGroup(child.pid, "SIGKILL");
    },
    async start() {
      await assertPortFree(port);
      log.write(`\n--- ${name} start ${new Date().toISOString()}\n`);
      child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
        env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      await waitHealthy(url, () => child, 120_000);
    },
    async stop() {
      const running = child;
      if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      signalGroup(running.pid, "SIGTERM");
      const pid = running.pid;
      const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
