import type { ConsoleMethod } from "./call";

/** What a snippet reproduces: never a secret (the key is `$KLAU_API_KEY` / `process.env.KLAU_API_KEY`). */
export type SnippetCall = {
  method: ConsoleMethod;
  /** Absolute URL of the call (this app's public origin + path and query). */
  url: string;
  tenantId: string | null;
  idempotencyKey: string | null;
  body: string | null;
};

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The call as a curl command for a shell where `KLAU_API_KEY` is exported. */
export function curlSnippet(call: SnippetCall): string {
  const lines = [`curl${call.method === "GET" ? "" : ` -X ${call.method}`} ${shellQuote(call.url)}`];
  lines.push(`-H "Authorization: Bearer $KLAU_API_KEY"`);
  if (call.tenantId) lines.push(`-H ${shellQuote(`Klau-Tenant-Id: ${call.tenantId}`)}`);
  if (call.idempotencyKey) lines.push(`-H ${shellQuote(`Idempotency-Key: ${call.idempotencyKey}`)}`);
  if (call.body !== null) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`--data-raw ${shellQuote(call.body)}`);
  }
  return lines.join(" \\\n  ");
}

/** The call as TypeScript `fetch` reading the key from `process.env.KLAU_API_KEY`. */
export function fetchSnippet(call: SnippetCall): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder belongs to the generated code
  const headers = ["    Authorization: `Bearer ${process.env.KLAU_API_KEY}`,"];
  if (call.tenantId) headers.push(`    "Klau-Tenant-Id": ${JSON.stringify(call.tenantId)},`);
  if (call.idempotencyKey) headers.push(`    "Idempotency-Key": ${JSON.stringify(call.idempotencyKey)},`);
  if (call.body !== null) headers.push(`    "Content-Type": "application/json",`);
  const lines = [`const response = await fetch(${JSON.stringify(call.url)}, {`];
  if (call.method !== "GET") lines.push(`  method: ${JSON.stringify(call.method)},`);
  lines.push("  headers: {", ...headers, "  },");
  if (call.body !== null) lines.push(`  body: ${bodyExpression(call.body)},`);
  lines.push("});", "const json = await response.json();");
  return lines.join("\n");
}

/** Valid JSON reads best as `JSON.stringify({...})`; anything else is sent as the exact string. */
function bodyExpression(body: string): string {
  try {
    const indented = JSON.stringify(JSON.parse(body), null, 2).replaceAll("\n", "\n  ");
    return `JSON.stringify(${indented})`;
  } catch {
    return JSON.stringify(body);
  }
}
