import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AuthSecretError, authSecretPath, MISSING_SECRET_MESSAGE, resolveAuthSecret } from "./secret";

const dirs: string[] = [];
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "klau-secret-"));
  dirs.push(dir);
  return path.join(dir, "nested", "data");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when set, even with DATABASE_URL", () => {
    const vars = env({ AUTH_SECRET: "from-env", DATABASE_URL: "postgresql://x/y", KLAU_DATA_DIR: tempDataDir() });
    expect(resolveAuthSecret(vars)).toBe("from-env");
  });

  it("refuses to start with DATABASE_URL and no AUTH_SECRET", () => {
    const vars = env({ DATABASE_URL: "postgresql://x/y", KLAU_DATA_DIR: tempDataDir() });
    expect(() => resolveAuthSecret(vars)).toThrow(AuthSecretError);
    expect(() => resolveAuthSecret(vars)).toThrow(MISSING_SECRET_MESSAGE);
  });

  it("generates an owner-only secret file on the embedded database and reuses it", () => {
    const vars = env({ KLAU_DATA_DIR: tempDataDir() });
    const first = resolveAuthSecret(vars);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = authSecretPath(vars);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(resolveAuthSecret(vars)).toBe(first);
  });

  it("tightens the permissions of an existing secret file", () => {
    const vars = env({ KLAU_DATA_DIR: tempDataDir() });
    const first = resolveAuthSecret(vars);
    const file = authSecretPath(vars);
    chmodSync(file, 0o644);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(resolveAuthSecret(vars)).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
