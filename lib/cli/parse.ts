import "server-only";
import { COMMANDS } from "./commands";
import type { Command } from "./define-command";
import { success, usageFailure } from "./envelope";
import { commandUsage, generalUsage, helpData } from "./help";
import type { CliContext, CliResult } from "./types";

/** An argv resolved to a runnable command, or to an immediate result (help, usage error). */
export type ParsedCli = { kind: "run"; command: Command; execute(ctx: CliContext): Promise<unknown> } | { kind: "done"; result: CliResult };

const HELP_FLAGS = new Set(["--help", "-h", "help"]);

/** Parses argv without touching the database: help and bad arguments never need it. */
export function parseCli(argv: readonly string[], commands: readonly Command[] = COMMANDS): ParsedCli {
  const [group, action, ...rest] = argv;
  if (group === undefined) return { kind: "done", result: usageFailure("no command given", generalUsage(commands)) };
  if (HELP_FLAGS.has(group)) return { kind: "done", result: success(helpData(commands), `${generalUsage(commands)}\n`) };

  const groupCommands = commands.filter((c) => c.name.startsWith(`${group} `));
  if (groupCommands.length === 0) return { kind: "done", result: usageFailure(`unknown command "${group}"`, generalUsage(commands)) };
  if (action === undefined || HELP_FLAGS.has(action)) {
    const text = generalUsage(commands, group);
    return action === undefined
      ? { kind: "done", result: usageFailure(`"${group}" needs a subcommand`, text) }
      : { kind: "done", result: success(helpData(groupCommands), `${text}\n`) };
  }

  const command = groupCommands.find((c) => c.name === `${group} ${action}`);
  if (!command) return { kind: "done", result: usageFailure(`unknown command "${group} ${action}"`, generalUsage(commands, group)) };
  const parsed = command.parse(rest);
  if (!parsed.ok) return { kind: "done", result: usageFailure(parsed.message, commandUsage(command)) };
  if (parsed.help) return { kind: "done", result: success(helpData([command]), `${commandUsage(command)}\n`) };
  return { kind: "run", command, execute: parsed.execute };
}
