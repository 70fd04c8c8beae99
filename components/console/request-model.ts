import { z } from "zod";
import type { ConsoleEndpoint } from "@/lib/console/catalog";
import type { JsonSchema } from "@/lib/console/json-schema";
import { scopesAllow } from "@/lib/scopes/match";
import type { Scope } from "@/lib/scopes/catalog";

/** Parameter values as typed, by name. */
export type ParamValues = Record<string, string>;

/** The path and query string of a call: path parameters filled in, empty query fields left out. */
export function buildPath(endpoint: ConsoleEndpoint, values: ParamValues): string {
  let path = endpoint.path;
  const query = new URLSearchParams();
  for (const param of endpoint.params) {
    const value = values[param.name]?.trim() ?? "";
    if (param.in === "path") path = path.replace(`{${param.name}}`, value ? encodeURIComponent(value) : `{${param.name}}`);
    else if (value) query.set(param.name, value);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Required parameters left empty, by name: the call cannot be sent until they are filled. */
export function missingParams(endpoint: ConsoleEndpoint, values: ParamValues): string[] {
  return endpoint.params.filter((p) => p.required && !values[p.name]?.trim()).map((p) => p.name);
}

export type BodyCheck = { ok: true } | { ok: false; issues: { path: string; message: string }[] };

const schemas = new WeakMap<JsonSchema, z.ZodType>();

/**
 * The body as typed against the operation's schema (from the OpenAPI document): valid JSON first,
 * then the schema's own rules. A field's regex message is dropped when a clearer one (format) names
 * the same field.
 */
export function checkBody(schema: JsonSchema, text: string): BodyCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "", message: `Not valid JSON: ${error instanceof Error ? error.message : "parse error"}` }] };
  }
  let zodSchema = schemas.get(schema);
  if (!zodSchema) {
    zodSchema = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    schemas.set(schema, zodSchema);
  }
  const result = zodSchema.safeParse(value);
  if (result.success) return { ok: true };
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const clearer = new Set(issues.filter((i) => !i.message.includes("must match pattern")).map((i) => i.path));
  return { ok: false, issues: issues.filter((i) => !(i.message.includes("must match pattern") && clearer.has(i.path))) };
}

/** Whether the scopes (null: unknown, e.g. a pasted key) cover the endpoint's scope. */
export function scopeStatus(scopes: readonly string[] | null, endpoint: ConsoleEndpoint): "has" | "lacks" | "unknown" {
  if (scopes === null || !endpoint.scope) return "unknown";
  return scopesAllow(scopes, endpoint.scope as Scope) ? "has" : "lacks";
}
