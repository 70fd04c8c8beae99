// Bundles the API fast path (server/api-entry.ts: the gateway and app/api/v1's route modules) into
// <distDir>/klau-api.mjs for scripts/server.mjs. Runs after `next build` (which empties distDir);
// takes about a second. Dependencies stay in node_modules (shared with Next's server at run time).
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
export const API_BUNDLE = "klau-api.mjs";

/** app/api/v1/**\/route.ts → [{ pattern: "jobs/[id]", file }], in a stable order. */
function routeFiles(dir, prefix = "") {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full, prefix ? `${prefix}/${entry.name}` : entry.name));
    else if (entry.name === "route.ts") out.push({ pattern: prefix, file: full });
  }
  return out;
}

const routesPlugin = {
  name: "klau-api-routes",
  setup(b) {
    b.onResolve({ filter: /^klau:api-routes$/ }, () => ({ path: "api-routes", namespace: "klau" }));
    b.onLoad({ filter: /.*/, namespace: "klau" }, () => {
      const files = routeFiles(path.join(root, "app/api/v1"));
      const imports = files.map((r, i) => `import * as m${i} from ${JSON.stringify(r.file)};`);
      const table = files.map((r, i) => `{ pattern: ${JSON.stringify(r.pattern)}, module: m${i} }`);
      return { contents: `${imports.join("\n")}\nexport const routes = [${table.join(", ")}];\n`, loader: "js", resolveDir: root };
    });
    // The marker package throws outside React's server environment; this bundle is server code.
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: path.join(root, "node_modules/server-only/empty.js") }));
  },
};

export async function buildApi({ quiet = false } = {}) {
  const started = Date.now();
  const outfile = path.join(root, distDir, API_BUNDLE);
  await build({
    entryPoints: [path.join(root, "server/api-entry.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // `Response` in the gateway code is the light one (lib/http/fast-path/light-response.ts).
    inject: [path.join(root, "lib/http/fast-path/light-response.ts")],
    plugins: [routesPlugin],
    banner: { js: "import { createRequire as __klauRequire } from 'node:module'; const require = __klauRequire(import.meta.url);" },
    sourcemap: "linked",
    logLevel: "warning",
  });
  if (!quiet) console.log(`• API fast path bundled into ${path.relative(root, outfile)} in ${Date.now() - started} ms`);
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildApi();
