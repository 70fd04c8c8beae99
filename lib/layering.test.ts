import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Allowed import directions (docs/ARCHITECTURE.md): `app` wires, `components` render, `lib` holds
 * the domain and infrastructure. So nothing in lib or components imports app; lib does not import
 * components; and only the HTTP layers (lib/api, and lib/http which answers before any route in the
 * same envelope) import lib/api: the domain and infrastructure below return outcomes that lib/api
 * maps to HTTP (issue 9 §6).
 */
type Rule = { name: string; appliesTo: (file: string) => boolean; forbids: (target: string) => boolean };

const under = (dir: string) => (p: string) => p === dir || p.startsWith(`${dir}/`);

const RULES: Rule[] = [
  { name: "lib and components never import app", appliesTo: (f) => under("lib")(f) || under("components")(f), forbids: under("app") },
  { name: "lib never imports components", appliesTo: under("lib"), forbids: under("components") },
  {
    name: "only the HTTP layers import lib/api",
    appliesTo: (f) => under("lib")(f) && !under("lib/api")(f) && !under("lib/http")(f),
    forbids: under("lib/api"),
  },
];

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIPPED = new Set(["node_modules", "generated"]);

/** Every module a file names in an import, export-from or dynamic import, as a repo-relative path. */
function importedPaths(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.flatMap((spec) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))];
    return [];
  });
}

/** The violations in one file (path relative to the repository, with `/`). */
function violations(file: string, text: string): string[] {
  const rules = RULES.filter((rule) => rule.appliesTo(file));
  return importedPaths(file, text).flatMap((target) =>
    rules.filter((rule) => rule.forbids(target)).map((rule) => `${file} → ${target} (${rule.name})`),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(tsx?|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

describe("layering", () => {
  it("holds in the tree", () => {
    // This file holds planted violations as text; it is the checker, not a module of a layer.
    const files = ["lib", "components"].flatMap(sourceFiles).filter((file) => file !== "lib/layering.test.ts");
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => violations(file, fs.readFileSync(path.join(ROOT, file), "utf8")))).toEqual([]);
  });

  it.each([
    ["lib/keys/service.ts", `import { ApiError } from "@/lib/api/errors";`, "only the HTTP layers import lib/api"],
    ["lib/read-cache/read-cache.ts", `import type { Outcome } from "../api/pipeline";`, "only the HTTP layers import lib/api"],
    ["lib/tenancy/scope.ts", `export { x } from "@/lib/api/context";`, "only the HTTP layers import lib/api"],
    ["lib/audit/list.ts", `const m = await import("@/app/(operator)/operator/page");`, "lib and components never import app"],
    ["components/ui/button.tsx", `import { signInAction } from "../../app/(auth)/login/actions";`, "lib and components never import app"],
    ["lib/auth/session.ts", `import { Button } from "@/components/ui/button";`, "lib never imports components"],
  ])("catches a planted violation in %s", (file, line, rule) => {
    expect(violations(file, `${line}\n`)).toEqual([expect.stringContaining(`(${rule})`)]);
  });

  it("allows the directions that are meant", () => {
    expect(violations("lib/api/pipeline.ts", `import { describeError } from "@/lib/errors";\nimport { x } from "./steps/admit";`)).toEqual([]);
    expect(violations("app/api/v1/jobs/route.ts", `import { defineRoute } from "@/lib/api/define-route";`)).toEqual([]);
    expect(violations("components/shell/user-card.tsx", `import { signOutAction } from "@/lib/actions/sign-out";`)).toEqual([]);
  });
});
