import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/audit/types";
import { relayRequest } from "./relay";
import type { CliResult } from "./types";

/** Bytes a relayed argv may take (100 arguments of at most 10 000 characters, as JSON). */
const MAX_BODY = 2_000_000;
// Unix socket paths are limited to about 104–108 bytes depending on the platform.
const MAX_SOCKET_PATH = 100;

export type CliRelay = { socket: string; close(): Promise<void> };

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return presented.length > 0 && timingSafeEqual(digest(presented), digest(token));
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message } });

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseArgvBody(text: string) {
  try {
    return relayRequest.safeParse(JSON.parse(text));
  } catch {
    return relayRequest.safeParse(undefined);
  }
}

/** The socket's path (beside the data directory when short enough, else in a private temp dir) and what to remove. */
function socketPathFor(dataRoot: string): { socket: string; remove: string } {
  const beside = path.join(path.resolve(dataRoot), "cli.sock");
  if (Buffer.byteLength(beside) <= MAX_SOCKET_PATH) return { socket: beside, remove: beside };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "klau-cli-"));
  return { socket: path.join(dir, "cli.sock"), remove: dir };
}

/**
 * Serves operator CLI commands for the process that owns the embedded database, on a Unix socket
 * (mode 0600) beside the data directory: nothing of it faces the network, and only the owner's user
 * can connect. The owner token is still required (defence in depth). Call only while owning `dataRoot`:
 * a socket file left by a killed owner is replaced.
 */
export async function startCliRelay(dataRoot: string, token: string, run: (argv: string[]) => Promise<CliResult>): Promise<CliRelay> {
  const { socket, remove } = socketPathFor(dataRoot);
  fs.rmSync(socket, { force: true });
  const server = createServer(async (req, res) => {
    if (!tokenMatches(req.headers.authorization, token)) return refuse(res, 401, "UNAUTHORIZED", "A valid owner token is required");
    if (req.method !== "POST" || req.url !== "/") return refuse(res, 404, "NOT_FOUND", "Not found");
    const text = await readBody(req);
    if (text === null) return refuse(res, 413, "PAYLOAD_TOO_LARGE", "The command is too long");
    const parsed = parseArgvBody(text);
    if (!parsed.success) return refuse(res, 400, "VALIDATION_ERROR", 'Expected {"argv": string[]}');
    try {
      send(res, 200, { data: await run(parsed.data.argv) });
    } catch (error) {
      // runCli answers every command failure itself; this is the database failing to open.
      refuse(res, 500, "INTERNAL_ERROR", error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  // Only the owner's user may connect (the socket is published only after this).
  fs.chmodSync(socket, 0o600);
  const removeSocket = () => fs.rmSync(remove, { recursive: true, force: true });
  process.once("exit", removeSocket);
  return {
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        process.off("exit", removeSocket);
        server.close(() => {
          removeSocket();
          resolve();
        });
      }),
  };
}

/** The app's relay: each command runs in this process, on its database, exactly as the CLI would. */
export async function serveCliFromApp(dataRoot: string, token: string): Promise<string> {
  const { getDb } = await import("@/lib/db/client");
  const { runCli } = await import("./run");
  const relay = await startCliRelay(dataRoot, token, async (argv) => runCli(argv, { db: await getDb(), actor: CLI_ACTOR }));
  return relay.socket;
}
