import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../errors";
import { parseJsonBody, queryObject, validate } from "./parse";
import { MAX_BODY_BYTES } from "@/lib/validation/body-limit";
import { readBody } from "./read-body";

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe("parseJsonBody", () => {
  it.each([
    ['{"a":1}', "application/json", "ok"],
    ['{"a":1}', "application/json; charset=utf-8", "ok"],
    ['{"a":1}', "application/merge-patch+json", "ok"],
    ['{"a":1}', null, "ok"],
    ["", "text/plain", "ok"],
    ["{a:1}", "application/json", "400 INVALID_JSON"],
    ['{"a":', "application/json", "400 INVALID_JSON"],
    ["a=1", "application/x-www-form-urlencoded", "415 UNSUPPORTED_MEDIA_TYPE"],
    ['{"a":1}', "text/plain", "415 UNSUPPORTED_MEDIA_TYPE"],
  ])("%j as %s → %s", (raw, type, expected) => {
    expect(codeOf(() => parseJsonBody(raw, type))).toBe(expected);
  });
});

describe("validate", () => {
  const schema = z.object({ name: z.string().min(1), size: z.number().int(), tags: z.array(z.string()).optional() });

  it("lists every failing field with its path", () => {
    let caught: ApiError | null = null;
    try {
      validate(schema, { name: "", size: 1.5, tags: ["a", 2] }, "body");
    } catch (error) {
      caught = error as ApiError;
    }
    expect(caught?.code).toBe("VALIDATION_ERROR");
    expect(caught?.status).toBe(400);
    const fields = caught?.details.fields as { path: string }[];
    expect(fields.map((f) => f.path)).toEqual(["name", "size", "tags[1]"]);
    expect(caught?.message).toMatch(/^Invalid request: name: .+ \(and 2 more\)$/);
  });

  it("prefixes query and params paths", () => {
    const q = z.object({ limit: z.coerce.number().max(5) });
    try {
      validate(q, { limit: "9" }, "query");
    } catch (error) {
      expect((error as ApiError).details.fields).toEqual([{ path: "query.limit", message: expect.any(String) }]);
    }
    expect.assertions(1);
  });

  it("names each unknown field of a strict schema", () => {
    try {
      validate(z.object({ a: z.string() }).strict(), { a: "x", companyId: "evil", id: "mine" }, "body");
    } catch (error) {
      expect((error as ApiError).details.fields).toEqual([
        { path: "companyId", message: "Unknown field" },
        { path: "id", message: "Unknown field" },
      ]);
    }
    expect.assertions(1);
  });

  function fieldsOf(fn: () => unknown): { fields: { path: string; message: string }[]; message: string; more: unknown } {
    try {
      fn();
    } catch (error) {
      const e = error as ApiError;
      return { fields: e.details.fields as { path: string; message: string }[], message: e.message, more: e.details.moreFields };
    }
    throw new Error("expected a validation error");
  }

  it.each([
    ["a NUL in a body string", { name: "a\u0000b", size: 1 }, "body", "name"],
    ["a NUL deep in an array", { name: "x", size: 1, tags: ["ok", "\u0000"] }, "body", "tags[1]"],
    ["a lone surrogate", { name: "\ud800", size: 1 }, "body", "name"],
    ["a NUL in a field name", { name: "x", size: 1, "a\u0000": 1 }, "body", "a\\u0000"],
    ["a NUL in a query value", { q: "\u0000" }, "query", "query.q"],
    ["a NUL in a path parameter", { id: "\u0000" }, "params", "params.id"],
  ] as const)("refuses %s before the schema sees it (400, named)", (_name, value, part, path) => {
    const { fields } = fieldsOf(() => validate(z.any(), value, part));
    expect(fields[0]?.path).toBe(path);
    expect(fields[0]?.message).toMatch(/NUL|Unicode/);
  });

  it("accepts ordinary unicode (emoji, CJK, RTL, combining marks)", () => {
    const name = "Müller 🚛 東京 שלום e\u0301";
    expect(validate(schema, { name, size: 1 }, "body").name).toBe(name);
  });

  it("survives input nested thousands of levels deep", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(fieldsOf(() => validate(z.any(), { deep }, "body")).fields).toHaveLength(1);
  });

  it("lists at most 20 fields and counts the rest: a hostile body gets a small answer", () => {
    const body = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`f${i}`, i]));
    const { fields, message, more } = fieldsOf(() => validate(z.object({}).strict(), body, "body"));
    expect(fields).toHaveLength(20);
    expect(more).toBe(89_980);
    expect(message).toContain("(and 89999 more)");
    const huge = fieldsOf(() => validate(z.object({}).strict(), { ["k".repeat(500_000)]: 1 }, "body"));
    expect(JSON.stringify(huge).length).toBeLessThan(1_000);
  });

  it("strips unknown keys so ownership fields cannot be mass-assigned", () => {
    expect(validate(schema, { name: "x", size: 1, companyId: "evil", id: "mine" }, "body")).toEqual({ name: "x", size: 1 });
  });
});

describe("queryObject", () => {
  it("keeps single values as strings and repeats as arrays", () => {
    expect(queryObject(new URLSearchParams("a=1&b=2&b=3&c="))).toEqual({ a: "1", b: ["2", "3"], c: "" });
  });
});

describe("readBody", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("reads a body within the limit", async () => {
    expect(await readBody(post('{"a":1}'))).toBe('{"a":1}');
  });

  it("refuses a declared Content-Length over 1 MB without reading", async () => {
    const error = await readBody(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) })).catch((e: ApiError) => e);
    expect((error as ApiError).status).toBe(413);
    expect((error as ApiError).message).toBe("The request body exceeds 1 MB");
  });

  it("names a smaller limit in its message (the leaked-keys report reads at most 64 KB)", async () => {
    const error = await readBody(post("{}", { "content-length": String(64 * 1024 + 1) }), 64 * 1024).catch((e: ApiError) => e);
    expect((error as ApiError).message).toBe("The request body exceeds 64 KB");
  });

  it("refuses a streamed body over the limit even without Content-Length", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.byteLength) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const error = await readBody(post(stream)).catch((e: ApiError) => e);
    expect((error as ApiError).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const error = await readBody(post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).catch((e: ApiError) => e);
    expect((error as ApiError).code).toBe("INVALID_JSON");
    expect(await readBody(post('{"a":"é"}'))).toBe('{"a":"é"}');
  });

  it("accepts exactly 1 MB", async () => {
    expect((await readBody(post("x".repeat(MAX_BODY_BYTES)))).length).toBe(MAX_BODY_BYTES);
  });
});
