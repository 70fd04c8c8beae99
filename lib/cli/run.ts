import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { failure, success } from "./envelope";
import { type ParsedCli, parseCli } from "./parse";
import type { CliContext, CliResult } from "./types";

function errorCode(error: DomainError): string {
  if (error instanceof NotFoundError) return "NOT_FOUND";
  if (error instanceof ConflictError) return "CONFLICT";
  if (error instanceof InvalidInputError) return "INVALID_INPUT";
  if (error instanceof ForbiddenError) return "FORBIDDEN";
  return "INVALID_INPUT";
}

/** Maps a thrown error to the envelope: domain errors by kind; anything else without a stack trace. */
export function errorResult(error: unknown): CliResult {
  if (error instanceof DomainError) return failure(errorCode(error), error.message, { details: error.details });
  const message = error instanceof Error ? error.message : String(error);
  const stderr = process.env.KLAU_DEBUG && error instanceof Error && error.stack ? `${error.stack}\n` : "";
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
