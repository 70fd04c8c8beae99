// Bundles the API fast path (server/api-entry.ts: the gateway, app/api/v1's and app/api/console's route modules) into
// <distDir>/klau-api.mjs for scripts/server.mjs. Runs after `next build` (which empties distDir);
// takes about a second. Dependencies stay in node_modules (shared with Next's server at run time).
import { readdirSync } from "node:fs";
import path from "node:path";
import { bundleServerCode, root } from "./bundle.mjs";

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
      // The API's routes, and the console's send (app/api/console: actions served as JSON routes).
      const tables = { routes: routeFiles(path.join(root, "app/api/v1")), consoleRoutes: routeFiles(path.join(root, "app/api/console")) };
      const lines = [];
      let n = 0;
      for (const [name, files] of Object.entries(tables)) {
        const table = files.map((r) => {
          lines.push(`import * as m${n} from ${JSON.stringify(r.file)};`);
          return `{ pattern: ${JSON.stringify(r.pattern)}, module: m${n++} }`;
        });
        lines.push(`export const ${name} = [${table.join(", ")}];`);
      }
      return { contents: `${lines.join("\n")}\n`, loader: "js", resolveDir: root };
    });
  },
};

/** The bench's second bundle: the same routes behind @hono/node-server (server/api-entry-hono.ts). */
export const HONO_BUNDLE = "klau-api-hono.mjs";

export async function buildApi({ quiet = false, hono = false } = {}) {
  const started = Date.now();
  const outfile = path.resolve(root, distDir, hono ? HONO_BUNDLE : API_BUNDLE);
  await bundleServerCode(path.join(root, hono ? "server/api-entry-hono.ts" : "server/api-entry.ts"), outfile, {
    // `Response` and `Headers` in the gateway code are the light ones (lib/http/fast-path/light-*.ts); Hono
    // brings its own, globally.
    inject: hono ? [] : [path.join(root, "lib/http/fast-path/light-response.ts"), path.join(root, "lib/http/fast-path/light-headers.ts")],
    plugins: [routesPlugin],
  });
  if (!quiet) console.log(`• API fast path bundled into ${path.relative(root, outfile)} in ${Date.now() - started} ms`);
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildApi({ hono: process.argv.includes("--hono") });
