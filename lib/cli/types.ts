import "server-only";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import type { OperatorScope } from "@/lib/tenancy/scope";

export type CliContext = { db: Db; actor: Actor };

/** What a command runs with: the operator CLI acts across every tenant, so its scope is the operator's. */
export type CommandContext = CliContext & { scope: OperatorScope };

/** Exit codes: 0 success, 1 the command failed (error envelope), 2 bad arguments (USAGE). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a CLI invocation produced, free of process I/O: the caller prints it and exits. */
export type CliResult = {
  exitCode: ExitCode;
  /** Exactly one JSON document, for stdout. */
  output: string;
  /** Human-readable text for stderr (usage, help); may be empty. */
  stderr: string;
};
