import { describe, expect, it } from "vitest";
import { curlSnippet, fetchSnippet } from "./snippets";

const post = {
  method: "POST" as const,
  url: "http://localhost:3000/api/v1/jobs",
  tenantId: "a0000000-0000-4000-8000-000000000002",
  idempotencyKey: "idem-1",
  body: `{"notes":"it's here"}`,
};

describe("snippets", () => {
  it("curl uses $KLAU_API_KEY, the tenant header when set, and shell-safe quoting", () => {
    expect(curlSnippet(post)).toBe(
      [
        "curl -X POST 'http://localhost:3000/api/v1/jobs'",
        `-H "Authorization: Bearer $KLAU_API_KEY"`,
        "-H 'Klau-Tenant-Id: a0000000-0000-4000-8000-000000000002'",
        "-H 'Idempotency-Key: idem-1'",
        "-H 'Content-Type: application/json'",
        `--data-raw '{"notes":"it'\\''s here"}'`,
      ].join(" \\\n  "),
    );
    expect(curlSnippet({ ...post, method: "GET", tenantId: null, idempotencyKey: null, body: null })).toBe(
      `curl 'http://localhost:3000/api/v1/jobs' \\\n  -H "Authorization: Bearer $KLAU_API_KEY"`,
    );
  });

  it("fetch reads the key from the environment and stringifies a JSON body", () => {
    const snippet = fetchSnippet(post);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code's placeholder
    expect(snippet).toContain("Authorization: `Bearer ${process.env.KLAU_API_KEY}`");
    expect(snippet).toContain(`"Klau-Tenant-Id": "a0000000-0000-4000-8000-000000000002"`);
    expect(snippet).toContain(`body: JSON.stringify({\n    "notes": "it's here"\n  }),`);
    expect(snippet).not.toContain("kl_live_");
  });
});
