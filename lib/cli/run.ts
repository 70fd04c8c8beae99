import "server-only";
import { config } from "@/lib/config";
import { describeError } from "@/lib/errors";
import { failure, success } from "./envelope";
import { type ParsedCli, parseCli } from "./parse";
import type { CliContext, CliResult } from "./types";

/**
 * Maps a thrown error to the envelope through the one error table (lib/errors.ts), as the API does.
 * An unexpected error keeps its text here (the operator runs the CLI on the server), never a stack
 * trace unless KLAU_DEBUG is set.
 */
export function errorResult(error: unknown): CliResult {
  const described = describeError(error);
  if (described.code !== "INTERNAL_ERROR") return failure(described.code, described.message, { details: described.details });
  const message = error instanceof Error ? error.message : String(error);
  const stderr = config().debug && error instanceof Error && error.stack ? `${error.stack}\n` : "";
  return failure("INTERNAL_ERROR", `Unexpected error: ${message}`, { stderr });
}

/** Runs an already parsed command. */
export async function executeParsed(parsed: ParsedCli, ctx: CliContext): Promise<CliResult> {
  if (parsed.kind === "done") return parsed.result;
  try {
    return success(await parsed.execute(ctx));
  } catch (error) {
    return errorResult(error);
  }
}

/**
 * The operator CLI as a function: argv in, one JSON document and an exit code out, no process I/O.
 * The process wrapper (scripts/cli.ts) and the running app's relay route both call it.
 */
export function runCli(argv: readonly string[], ctx: CliContext): Promise<CliResult> {
  return executeParsed(parseCli(argv), ctx);
}
