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
  return importedPaths(file, text).flatMap((target) => rules.filter((rule) => rule.forbids(target)).map((rule) => `${file} → ${target} (${rule.name})`));
}

/** `lib/keys/service.ts` → `lib/keys`; a file directly in lib is its own part (`lib/errors.ts`). */
const part = (file: string) => {
  const [root, dir, rest] = file.split("/");
  return rest === undefined ? file.replace(/\.(tsx?|mjs)$/, "") : `${root}/${dir}`;
};

/** The import edges between parts of lib, with one file pair that makes each. */
function partEdges(files: Record<string, string>): Map<string, string> {
  const edges = new Map<string, string>();
  for (const [file, text] of Object.entries(files)) {
    if (!under("lib")(file)) continue;
    for (const target of importedPaths(file, text)) {
      if (!under("lib")(target) || part(file) === part(target)) continue;
      const edge = `${part(file)} → ${part(target)}`;
      if (!edges.has(edge)) edges.set(edge, `${file} → ${target}`);
    }
  }
  return edges;
}

/** The import edges between files of lib (`lib/db/client.ts` → `lib/db/opened`), type-only ones too. */
function fileEdges(files: Record<string, string>): Map<string, string> {
  const id = (file: string) => file.replace(/\.(tsx?|mjs)$/, "").replace(/\/index$/, "");
  const known = new Set(Object.keys(files).map(id));
  const edges = new Map<string, string>();
  for (const [file, text] of Object.entries(files)) {
    for (const target of importedPaths(file, text)) {
      if (known.has(target) && target !== id(file)) edges.set(`${id(file)} → ${target}`, file);
    }
  }
  return edges;
}

/** Each edge that lies on a cycle between parts (A imports B and B, through others, imports A). */
function cycles(edges: Map<string, string>): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges.keys()) {
    const [from = "", to = ""] = edge.split(" → ");
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const reaches = (start: string, goal: string) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      const at = stack.pop() ?? "";
      if (at === goal) return true;
      for (const to of next.get(at) ?? []) if (!seen.has(to)) seen.add(to) && stack.push(to);
    }
    return false;
  };
  return [...edges]
    .filter(([edge]) => {
      const [from = "", to = ""] = edge.split(" → ");
      return reaches(to, from);
    })
    .map(([edge, example]) => `${edge} (${example})`);
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

  it("has no cycle between the parts of lib (each folder sits above what it imports)", () => {
    const files = Object.fromEntries(
      sourceFiles("lib")
        .filter((file) => !/\.test\.ts$/.test(file))
        .map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8")]),
    );
    expect(partEdges(files).size).toBeGreaterThan(50);
    expect(cycles(partEdges(files))).toEqual([]);
  });

  it("has no import cycle between files of lib, not even through types", () => {
    const files = Object.fromEntries(
      sourceFiles("lib")
        .filter((file) => !/\.test\.ts$/.test(file))
        .map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8")]),
    );
    expect(cycles(fileEdges(files))).toEqual([]);
  });

  it("catches a planted cycle between files", () => {
    const files = {
      "lib/db/client.ts": `import { openPostgres } from "./open-postgres";`,
      "lib/db/open-postgres.ts": `import { TRANSACTION_OPTIONS } from "./transaction";`,
      "lib/db/transaction.ts": `import type { Db } from "./client";`,
    };
    expect(cycles(fileEdges(files))).toHaveLength(3);
  });

  it("catches a planted cycle between parts", () => {
    const files = {
      "lib/audit/record.ts": `import type { Actor } from "./types";`,
      "lib/tenancy/companies.ts": `import { recordAudit } from "@/lib/audit/record";`,
      "lib/audit/types.ts": `import type { AccessScope } from "@/lib/tenancy/scope";`,
      "lib/keys/service.ts": `import { recordAudit } from "@/lib/audit/record";`,
    };
    expect(cycles(partEdges(files))).toEqual([
      "lib/tenancy → lib/audit (lib/tenancy/companies.ts → lib/audit/record)",
      "lib/audit → lib/tenancy (lib/audit/types.ts → lib/tenancy/scope)",
    ]);
  });

  it.each([
    ["lib/keys/service.ts", `import { ApiError } from "@/lib/api/errors";`, "only the HTTP layers import lib/api"],
    ["lib/read-cache/read-cache.ts", `import type { Outcome } from "../api/context";`, "only the HTTP layers import lib/api"],
    ["lib/tenancy/scope.ts", `export { x } from "@/lib/api/context";`, "only the HTTP layers import lib/api"],
    ["lib/audit-trail/list.ts", `const m = await import("@/app/(operator)/operator/page");`, "lib and components never import app"],
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
