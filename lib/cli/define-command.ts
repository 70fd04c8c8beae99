import "server-only";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { operatorScope } from "@/lib/tenancy/scope";
import type { CliContext, CommandContext } from "./types";

type OptionType = "string" | "boolean";
export type Positional = { name: string; label: string };

export type CommandSpec<I> = {
  /** e.g. "keys create" */
  name: string;
  summary: string;
  /** Arguments after the name, as shown in help: "(--company ID | --vendor ID) --name N …" */
  usage: string;
  options: Record<string, OptionType>;
  /** Positional arguments in order (all required): schema field and the label shown in usage. */
  positionals?: readonly Positional[];
  /** Validates `{ ...flags, ...positionals }` and shapes it into the domain input. */
  input: z.ZodType<I>;
  run(ctx: CommandContext, input: I): Promise<unknown>;
};

export type ParsedCommand = { ok: true; help: false; execute(ctx: CliContext): Promise<unknown> } | { ok: true; help: true } | { ok: false; message: string };

export type Command = {
  name: string;
  summary: string;
  usage: string;
  parse(args: readonly string[]): ParsedCommand;
};

function flagLabel(key: PropertyKey, positionals: readonly Positional[]): string {
  const name = String(key);
  return positionals.find((p) => p.name === name)?.label ?? `--${name}`;
}

/** One line per problem, phrased in terms of the flags the user typed. */
export function describeIssues(error: z.ZodError, raw: Record<string, unknown>, positionals: readonly Positional[] = []): string {
  return error.issues
    .map((issue) => {
      const [field] = issue.path;
      if (field === undefined) return issue.message;
      const label = flagLabel(field, positionals);
      return raw[String(field)] === undefined ? `${label} is required` : `${label}: ${issue.message}`;
    })
    .join("; ");
}

function parseFlags(spec: { options: Record<string, OptionType> }, args: readonly string[]) {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, type]) => [name, { type }]));
  return parseArgs({
    args: [...args],
    options: { ...options, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: true,
  });
}

export function defineCommand<I>(spec: CommandSpec<I>): Command {
  const positionalNames = spec.positionals ?? [];
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    parse(args) {
      let parsed: ReturnType<typeof parseFlags>;
      try {
        parsed = parseFlags(spec, args);
      } catch (error) {
        // node:util's messages are clear ("Unknown option '--foo'"); keep the first sentence.
        const message = error instanceof Error ? (error.message.split(/\.\s|\n/)[0] ?? error.message) : String(error);
        return { ok: false, message };
      }
      const { help, ...flags } = parsed.values;
      if (help) return { ok: true, help: true };
      if (parsed.positionals.length > positionalNames.length) {
        return { ok: false, message: `unexpected argument "${parsed.positionals[positionalNames.length]}"` };
      }
      const raw: Record<string, unknown> = { ...flags };
      positionalNames.forEach((p, i) => {
        raw[p.name] = parsed.positionals[i];
      });
      const result = spec.input.safeParse(raw);
      if (!result.success) return { ok: false, message: describeIssues(result.error, raw, positionalNames) };
      const input = result.data;
      return { ok: true, help: false, execute: (ctx) => spec.run({ ...ctx, scope: operatorScope() }, input) };
    },
  };
}
