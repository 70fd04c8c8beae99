import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
/** Not part of the API surface: the fallback 404 and the document itself. */
const UNDOCUMENTED = new Set(["/api/v1/", "/api/v1/{...rest}", "/api/v1/openapi.json"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/jobs/[id]/route.ts` → `/api/v1/jobs/{id}` with its exported methods. */
function served(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of routeFiles(API_DIR)) {
    const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const apiPath = `/api/v1/${rel}`.replace(/\[([^\]]+)\]/g, "{$1}");
    const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => (m[1] ?? "").toLowerCase());
    if (!UNDOCUMENTED.has(apiPath)) out.set(apiPath, methods.sort());
  }
  return out;
}

describe("the document matches the routes", () => {
  it("documents exactly the paths and methods that route files serve", () => {
    const documented = new Map(
      Object.entries(openApiDocument().paths ?? {}).map(([p, item]) => [
        p,
        Object.keys(item as object)
          .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
          .sort(),
      ]),
    );
    expect(Object.fromEntries(served())).toEqual(Object.fromEntries(documented));
  });
});
