// esbuild for this app's server code (TypeScript under lib/, app/, server/, scripts/): one ESM file
// for Node 20 that imports its packages from node_modules at run time. Shared by the API fast
// path's bundle (build-api.mjs) and the operator CLI's (build-cli.mjs).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const root = path.resolve(import.meta.dirname, "..");

const serverCodePlugin = {
  name: "klau-server-code",
  setup(b) {
    // Next's entry points have no `exports` map: Node's ESM loader needs the file name (next/headers.js).
    b.onResolve({ filter: /^next\/[a-z-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
    // The marker package throws outside React's server environment; this bundle is server code.
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: path.join(root, "node_modules/server-only/empty.js") }));
  },
};

/** Bundles `entry` into `outfile`; `options` adds to (or overrides) esbuild's. */
export async function bundleServerCode(entry, outfile, options = {}) {
  const result = await build({
    write: false,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    banner: { js: "import { createRequire as __klauRequire } from 'node:module'; const require = __klauRequire(import.meta.url);" },
    sourcemap: "linked",
    logLevel: "warning",
    ...options,
    plugins: [serverCodePlugin, ...(options.plugins ?? [])],
  });
  // Written aside, then renamed: processes starting at the same time (tests) never read half a file.
  mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return outfile;
}
