import "server-only";
import { COMMANDS } from "./commands";
import { usageFailure } from "./envelope";
import { commandUsage, generalUsage } from "./help";
import type { CliResult } from "./types";

const FLAG = "--password-stdin";
const HELP_FLAGS = new Set(["--help", "-h", "help"]);
// bcrypt reads at most 72 bytes; anything far beyond that on stdin is a mistake (a file, not a password).
const MAX_BYTES = 4096;

/** Reads all of the process's stdin (stops once past MAX_BYTES). */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_BYTES) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}

function usageOf(argv: readonly string[]): string {
  const command = COMMANDS.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  return command ? commandUsage(command) : generalUsage(COMMANDS);
}

/**
 * `--password-stdin`: the password is read from stdin (one line; the trailing newline is dropped) so
 * that it never shows in the process list, then handed on as `--password=…` inside this process (and,
 * when relayed, inside the relay's request body on the owner's Unix socket). Runs before parsing; the
 * command itself only knows `--password`.
 */
export async function inlinePasswordFromStdin(argv: readonly string[], readStdin: () => Promise<string>): Promise<readonly string[] | CliResult> {
  if (!argv.includes(FLAG)) return argv;
  if (argv.some((arg) => HELP_FLAGS.has(arg))) return argv.filter((arg) => arg !== FLAG);
  const fail = (message: string) => usageFailure(message, usageOf(argv));
  if (argv.some((arg) => arg === "--password" || arg.startsWith("--password="))) return fail(`give exactly one of --password or ${FLAG}`);
  const text = await readStdin();
  if (Buffer.byteLength(text) > MAX_BYTES) return fail(`${FLAG}: stdin is longer than ${MAX_BYTES} bytes`);
  const password = text.replace(/\r?\n$/, "");
  if (password.length === 0) return fail(`${FLAG}: nothing was read from stdin`);
  if (/[\r\n]/.test(password)) return fail(`${FLAG}: expected one line on stdin`);
  return argv.map((arg) => (arg === FLAG ? `--password=${password}` : arg));
}
