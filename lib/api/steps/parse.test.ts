import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../errors";
import { parseJsonBody, queryObject, validate } from "./parse";
import { MAX_BODY_BYTES, readBody } from "./read-body";

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

  it("accepts exactly 1 MB", async () => {
    expect((await readBody(post("x".repeat(MAX_BODY_BYTES)))).length).toBe(MAX_BODY_BYTES);
  });
});
