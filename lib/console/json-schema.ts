import "server-only";
/** A JSON Schema node as the OpenAPI document holds it (only what the console reads). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  readOnly?: boolean;
  [key: string]: unknown;
};

const PLACEHOLDER_UUID = "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa";

/** Replaces `#/components/schemas/…` references by their target (siblings of the $ref win), recursively. */
export function dereference(schema: JsonSchema, components: Record<string, JsonSchema>, seen: string[] = []): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = components[name];
    const { $ref: _ref, ...siblings } = schema;
    if (!target || seen.includes(name)) return siblings;
    return { ...dereference(target, components, [...seen, name]), ...siblings };
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, dereference(v, components, seen)]));
  }
  if (schema.items) out.items = dereference(schema.items, components, seen);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const list = schema[key];
    if (list) out[key] = list.map((s) => dereference(s, components, seen));
  }
  return out;
}

function stringExample(schema: JsonSchema, name: string, today: string): string {
  switch (schema.format) {
    case "date":
      return today;
    case "date-time":
      return `${today}T08:00:00Z`;
    case "uuid":
      return PLACEHOLDER_UUID;
    case "email":
      return "dispatch@example.com";
  }
  const text = name ? `Example ${name}` : "example";
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, "x");
}

/**
 * A value that satisfies `schema` (dereferenced): its own `example` when it has one, else built
 * from its type: required properties plus those with examples (or the first one, so an update body
 * is never empty), enums' first value, numbers at their minimum, dates from `today`.
 */
export function exampleOf(schema: JsonSchema, today: string, name = ""): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) {
    const preferred = options.find((o) => o.type !== "null") ?? options[0];
    return preferred ? exampleOf({ ...preferred, description: schema.description }, today, name) : null;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = Object.entries(schema.properties ?? {}).filter(([, p]) => !p.readOnly);
      const required = new Set(schema.required ?? []);
      let chosen = properties.filter(([key, p]) => required.has(key) || p.example !== undefined);
      if (chosen.length === 0) chosen = properties.slice(0, 1);
      return Object.fromEntries(chosen.map(([key, p]) => [key, exampleOf(p, today, key)]));
    }
    case "array":
      return schema.items && (schema.minItems ?? 0) > 0 ? [exampleOf(schema.items, today, name)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return stringExample(schema, name, today);
    default:
      return null;
  }
}
