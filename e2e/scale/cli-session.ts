// Test helper for e2e/scale: one operator CLI session on DATABASE_URL. Reads one JSON argv per line
// on stdin and answers one line `{"exitCode":…,"body":{…}}` per command, so that a revocation or a
// suspension takes milliseconds instead of a process start (run with tsx).
import readline from "node:readline";
import { CLI_ACTOR } from "@/lib/audit/types";
import { runCli } from "@/lib/cli/run";
import { disconnectDb, getDb } from "@/lib/db/client";

// stdout carries only the answers.
for (const method of ["log", "info", "debug"] as const) console[method] = console.error;

const db = await getDb();
for await (const line of readline.createInterface({ input: process.stdin })) {
  const argv: unknown = JSON.parse(line);
  if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === "string")) throw new Error(`Not an argv: ${line}`);
  const result = await runCli(argv, { db, actor: CLI_ACTOR });
  process.stdout.write(`${JSON.stringify({ exitCode: result.exitCode, body: JSON.parse(result.output) })}\n`);
}
await disconnectDb();
process.exit(0);
