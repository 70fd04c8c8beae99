import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A free loopback port, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type Service = { name: string; child: ChildProcess; output: () => string };

const live = new Set<Service>();

/** Starts a child in its own process group (so `stop` also ends anything it spawns); keeps its last output for errors. */
export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const service = { name, child, output: () => tail };
  live.add(service);
  child.once("exit", () => live.delete(service));
  return service;
}

/** SIGTERM to the service's process group, then SIGKILL after a bounded wait. */
export async function stopService(service: Service): Promise<void> {
  const { child } = service;
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    signalGroup("SIGKILL");
    await Promise.race([exited, sleep(2000)]);
  }
}

/** Polls `url` until `accept(status)` holds; fails with the service's output after `timeoutMs`. */
export async function waitForHttp(url: string, service: Service, accept: (status: number) => boolean = (s) => s < 500, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no response";
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(`${service.name} not ready at ${url} (${last}). Output:\n${service.output()}`);
}

/** Stops every service still running (used when the bench is interrupted). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map(stopService));
}
