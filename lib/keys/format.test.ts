import { describe, expect, it } from "vitest";
import { checkKeyFormat, checksumOf, crc32, generateApiKey, hashKey, KEY_PREFIX } from "./format";

describe("generateApiKey", () => {
  it("returns a secret that passes its own checks, with what to store and display", () => {
    const key = generateApiKey();
    expect(key.secret).toMatch(/^kl_live_[0-9A-Za-z]{38}$/);
    expect(checkKeyFormat(key.secret)).toBe("ok");
    expect(key.hash).toBe(hashKey(key.secret));
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 12));
    expect(key.last4).toBe(key.secret.slice(-4));
  });

  it("never repeats", () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateApiKey().secret));
    expect(secrets.size).toBe(200);
  });
});

describe("checkKeyFormat", () => {
  const { secret } = generateApiKey();
  const random = secret.slice(KEY_PREFIX.length, KEY_PREFIX.length + 32);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "a" ? "b" : "a") + s.slice(i + 1);
  it.each([
    ["valid", secret, "ok"],
    ["empty", "", "malformed"],
    ["wrong prefix", secret.replace("kl_live_", "kl_test_"), "malformed"],
    ["truncated", secret.slice(0, -1), "malformed"],
    ["extra char", `${secret}a`, "malformed"],
    ["non-base62", `${secret.slice(0, -1)}-`, "malformed"],
    ["whitespace", ` ${secret}`, "malformed"],
    ["typo in random part", flip(secret, 10), "bad_checksum"],
    ["typo in checksum", flip(secret, secret.length - 1), "bad_checksum"],
    ["recomputed checksum", `${KEY_PREFIX}${random}${checksumOf(random)}`, "ok"],
  ])("%s → %s", (_name, candidate, expected) => {
    expect(checkKeyFormat(candidate)).toBe(expected);
  });

  it("uses the standard CRC32", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
  });
});
