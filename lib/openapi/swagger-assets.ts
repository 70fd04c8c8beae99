import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DOCS_INIT_SCRIPT } from "./docs-page";

/**
 * Swagger UI is served from the installed swagger-ui-dist package (never a CDN). Only these files
 * are reachable, so the route cannot be used to read anything else from disk.
 */
const DIST_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
};

export type Asset = { body: Uint8Array<ArrayBuffer> | string; contentType: string };

const cache = new Map<string, Asset>();

function distDir(): string {
  // Resolved at run time from the app root, not bundled: the bundle is 1.7 MB of static JS.
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "swagger-ui-dist");
}

export async function swaggerAsset(name: string): Promise<Asset | null> {
  if (name === "klau-docs.js") return { body: DOCS_INIT_SCRIPT, contentType: "text/javascript; charset=utf-8" };
  const contentType = DIST_FILES[name];
  if (!contentType) return null;
  const hit = cache.get(name);
  if (hit) return hit;
  const body = new Uint8Array(await readFile(path.join(/* turbopackIgnore: true */ distDir(), name)));
  const asset = { body, contentType };
  cache.set(name, asset);
  return asset;
}
