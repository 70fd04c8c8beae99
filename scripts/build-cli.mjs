// Bundles the operator CLI (scripts/cli.ts) into the file named by the first argument, which plain
// `node` runs. The end-to-end suite (e2e/fixtures/cli.ts) creates its tenants, keys and partnerships
// with many CLI calls, a process each: through tsx a call costs about twice the CPU of the bundle
// (loader hooks on every module). `npm run klau` stays on tsx; lib/cli/process.int.test.ts tests
// that command as users run it.
import path from "node:path";
import { bundleServerCode, root } from "./bundle.mjs";

const outfile = process.argv[2];
if (!outfile) {
  console.error("usage: node scripts/build-cli.mjs OUTFILE");
  process.exit(2);
}
await bundleServerCode(path.join(root, "scripts/cli.ts"), path.resolve(outfile));
