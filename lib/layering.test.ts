import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Domain and infrastructure modules below the API layer return outcomes; lib/api maps them to HTTP
 * (ApiError, status codes). So these folders must not import lib/api (issue 9 §6).
 */
const BELOW_THE_API = ["lib/idempotency", "lib/read-cache", "lib/cache"];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(dir, name));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1] ?? "");
}

function reachesApi(file: string, specifier: string): boolean {
  if (specifier.startsWith("@/lib/api")) return true;
  if (!specifier.startsWith(".")) return false;
  return path.relative("lib/api", path.resolve(path.dirname(file), specifier)).split(path.sep)[0] !== "..";
}

describe("layering", () => {
  it.each(BELOW_THE_API)("%s does not import lib/api", (dir) => {
    const offending = sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => reachesApi(file, specifier))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
