import { randomUUID } from "node:crypto";

/**
 * Hostile input for the OpenAPI fuzz test (e2e/api/fuzz.spec.ts). Values are cycled through the
 * operations' fields, so every kind meets many fields without sending every value to every field.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x \udfff y",
  "x".repeat(100_000),
  "' OR 1=1 --",
  '\'); DROP TABLE "Job"; --',
  "$" + "{jndi:ldap://x/a}", // Log4Shell-style lookup
  "<script>alert(1)</script>",
  "\u202e\u0301🚛東京\uFEFF",
  "%00",
  "../../etc/passwd",
  "",
  " ",
  "NaN",
  "9999-99-99",
  "-271821-04-20",
];

/** Written into the JSON text as they are: JSON.stringify cannot produce -0, 2^53+1 or 1e999. */
export const HOSTILE_NUMBERS: readonly string[] = [
  "1e308",
  "-1e308",
  "1e999",
  "-0",
  "9007199254740993",
  "-9007199254740993",
  "1.5",
  "-1",
  "0",
  "5e-324",
  '"NaN"',
  '"Infinity"',
  '"1e308"',
];

export const HOSTILE_OTHER: readonly string[] = ["null", "true", "[]", "{}", '{"$gt":""}', '["\\u0000"]', `${"[".repeat(200)}${"]".repeat(200)}`];

/** Values for query parameters and path segments (already URL-encoded where they must be). */
export const HOSTILE_URL_VALUES: readonly string[] = [
  "%00",
  "a%00b",
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded (invalid UTF-8)
  "%C3%28", // invalid UTF-8
  "%FF%FE",
  "%ZZ", // broken percent-encoding
  encodeURIComponent("' OR 1=1 --"),
  "x".repeat(4_000),
  "1e308",
  "-0",
  "NaN",
  "9007199254740993",
  encodeURIComponent("🚛東京"),
  "..%2F..%2Fetc%2Fpasswd",
  randomUUID(),
];

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Cursors that decode to positions PostgreSQL cannot take (the attack test's 500s). */
export const HOSTILE_CURSORS: readonly string[] = [
  cursorOf(["2026-01-01T00:00:00.000Z", "\u0000"]),
  cursorOf(["2026-01-01T00:00:00.000Z", `${randomUUID()}\u0000`]),
  cursorOf(["-271821-04-20T00:00:00.000Z", randomUUID()]),
  cursorOf(["+275760-09-13T00:00:00.000Z", randomUUID()]),
  cursorOf([1e308, randomUUID()]),
  cursorOf({ a: 1 }),
  "%00",
];

export type RawBody = { label: string; bytes: Buffer; contentType?: string };

const text = (label: string, body: string, contentType = "application/json"): RawBody => ({ label, bytes: Buffer.from(body), contentType });

/** Whole bodies that are hostile as a whole: size, depth, width, encoding, type. */
export function hostileBodies(): RawBody[] {
  const manyFields = `{${Array.from({ length: 90_000 }, (_, i) => `"f${i}":0`).join(",")}}`;
  return [
    text("just under 1 MB", JSON.stringify({ name: "x".repeat(1024 * 1024 - 20) })),
    text("over 1 MB", JSON.stringify({ name: "x".repeat(1_200_000) })),
    text("50 000 nested arrays", `${"[".repeat(50_000)}${"]".repeat(50_000)}`),
    text("20 000 nested objects", `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`),
    text("90 000 unknown fields", manyFields),
    {
      label: "invalid UTF-8",
      bytes: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      contentType: "application/json",
    },
    text("truncated JSON", '{"name":'),
    text("an array", "[]"),
    text("a string", '"name"'),
    text("null", "null"),
    text("1e999", "1e999"),
    text("JSON as text/plain", '{"name":"x"}', "text/plain"),
    text("empty with a JSON type", ""),
    text("a NUL key", '{"\\u0000":1,"name\\u0000":"x"}'),
    text("a lone surrogate key", '{"\\ud800":1}'),
    text("duplicate keys", '{"name":"a","name":"\\u0000"}'),
    text("__proto__", '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
  ];
}
