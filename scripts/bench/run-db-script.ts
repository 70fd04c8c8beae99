import { disconnectDb } from "@/lib/db/client";

/** Runs a stand-alone bench script on the configured database, then exits explicitly (the engines keep timers alive). */
export function runDbScript(main: () => Promise<void>): void {
  main()
    .then(() => disconnectDb())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
}
