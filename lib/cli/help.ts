import "server-only";
import { RESOURCE_CATALOG, resourcesByGroup } from "@/lib/scopes/catalog";
import type { Command } from "./define-command";

export const PROGRAM = "npm run klau --";

/** What --scopes accepts, from the scope catalog: one line per group, unserved resources starred. */
export function scopesHelp(): string {
  const groups = resourcesByGroup().map(
    ({ label, resources }) => `  ${label}: ${resources.map((r) => `${r}${RESOURCE_CATALOG[r].served ? "" : "*"}`).join(", ")}`,
  );
  return [
    "Scopes (--scopes, comma-separated): read:<resource> or write:<resource>; read:all and write:all cover every resource.",
    ...groups,
    "  (* reserved: no /api/v1 routes yet)",
  ].join("\n");
}

export function commandUsage(command: Command): string {
  return `usage: ${PROGRAM} ${command.name}${command.usage ? ` ${command.usage}` : ""}\n  ${command.summary}`;
}

export function generalUsage(commands: readonly Command[], group?: string): string {
  const shown = group ? commands.filter((c) => c.name.startsWith(`${group} `)) : commands;
  const lines = shown.map((c) => `  ${c.name}${c.usage ? ` ${c.usage}` : ""}\n      ${c.summary}`);
  return [
    `usage: ${PROGRAM} <command> [flags]`,
    "",
    "Commands:",
    ...lines,
    "",
    ...(group === undefined || group === "keys" || group === "partnerships" ? [scopesHelp(), ""] : []),
    'Every command prints one JSON document on stdout: {"data":…} on success, {"error":{"code","message"}} on failure.',
    "Exit codes: 0 success, 1 the command failed, 2 bad arguments (code USAGE). Add --help to any command.",
  ].join("\n");
}

/** Help as data, for stdout (the readable text goes to stderr). */
export function helpData(commands: readonly Command[]) {
  return { commands: commands.map((c) => ({ command: c.name, usage: `${c.name}${c.usage ? ` ${c.usage}` : ""}`, summary: c.summary })) };
}
