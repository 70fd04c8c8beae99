import "server-only";
import { type CliResult, EXIT, type ExitCode } from "./types";

function document(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function success(data: unknown, stderr = ""): CliResult {
  return { exitCode: EXIT.ok, output: document({ data }), stderr };
}

export function failure(code: string, message: string, options: { exitCode?: ExitCode; details?: Record<string, unknown>; stderr?: string } = {}): CliResult {
  return {
    exitCode: options.exitCode ?? EXIT.failed,
    output: document({ error: { code, message, ...options.details } }),
    stderr: options.stderr ?? "",
  };
}

export function usageFailure(message: string, usage: string): CliResult {
  return failure("USAGE", message, { exitCode: EXIT.usage, stderr: `error: ${message}\n\n${usage}\n` });
}
