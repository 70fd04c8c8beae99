import { spawnSync } from "node:child_process";
import { CLI_BUNDLE } from "./fixtures/cli";

/** Once per run, before any test: the operator CLI bundle that e2e/fixtures/cli.ts runs (scripts/build-cli.mjs). */
export default function globalSetup(): void {
  const built = spawnSync(process.execPath, ["scripts/build-cli.mjs", CLI_BUNDLE], { stdio: "inherit" });
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed (exit ${built.status})`);
}
