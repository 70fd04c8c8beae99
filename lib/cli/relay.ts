import "server-only";
import { request } from "node:http";
import { z } from "zod";
import { failure } from "./envelope";
import type { CliResult } from "./types";

/**
 * The relay protocol between the operator CLI and the app that owns the embedded database: one HTTP
 * `POST /` on the owner's Unix socket (never a TCP port), `Authorization: Bearer <owner token>`,
 * body `{"argv": string[]}`, answer `{"data": CliResult}`.
 */
export const relayRequest = z.object({ argv: z.array(z.string().max(10_000)).max(100) });
export const relayResponse = z.object({
  data: z.object({ exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]), output: z.string(), stderr: z.string() }),
});

type Answer = { status: number; body: string };

function post(socket: string, token: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: socket,
        path: "/",
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        timeout: 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 120 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends argv to the process that owns the embedded database and returns its result. "not-listening"
 * means nothing accepted the connection (the app is starting or gone), so the command surely did not
 * run and may be retried; any other failure is reported, never retried (the command may have run).
 */
export async function relayToOwner(owner: { socket: string; token: string }, argv: readonly string[]): Promise<CliResult | "not-listening"> {
  let answer: Answer;
  try {
    answer = await post(owner.socket, owner.token, JSON.stringify({ argv }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ECONNREFUSED" || code === "ENOENT") return "not-listening";
    const message = error instanceof Error ? error.message : String(error);
    return failure("OWNER_UNREACHABLE", `Could not reach the running app on ${owner.socket}: ${message}`);
  }
  const parsed = relayResponse.safeParse(parseJson(answer.body));
  if (answer.status === 200 && parsed.success) return parsed.data.data;
  return failure(
    "OWNER_UNREACHABLE",
    `The running app on ${owner.socket} refused the command (HTTP ${answer.status}); is it the app that owns this data directory?`,
  );
}
