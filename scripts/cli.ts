// The operator CLI: `npm run klau -- <command> …`. Prints exactly one JSON document on stdout.
import { cliMain } from "@/lib/cli/main";

// stdout carries only the JSON result: anything a library logs goes to stderr instead.
for (const method of ["log", "info", "debug"] as const) console[method] = console.error;

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

const result = await cliMain(process.argv.slice(2));
await write(process.stderr, result.stderr);
await write(process.stdout, result.output);
// Database engines keep timers alive: exit explicitly.
process.exit(result.exitCode);
