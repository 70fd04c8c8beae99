// Bundles the operator CLI (scripts/cli.ts) into .test-data/klau-cli.mjs, which plain `node` runs.
// The end-to-end suite creates its tenants, keys and partnerships with many CLI calls, a process
// each: through tsx a call costs about twice the CPU of the bundle (loader hooks on every module).
// `npm run klau` stays on tsx; lib/cli/process.int.test.ts tests that command as users run it.
import path from "node:path";
import { bundleServerCode, root } from "./bundle.mjs";

await bundleServerCode(path.join(root, "scripts/cli.ts"), path.join(root, ".test-data/klau-cli.mjs"));
