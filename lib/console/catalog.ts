import "server-only";
import type { OpenApiDocument } from "@/lib/openapi/document";
import type { ConsoleMethod } from "./call";
import { dereference, exampleOf, type JsonSchema } from "./json-schema";

export type ConsoleParam = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string | null;
  schema: JsonSchema;
};

/** One operation of /api/v1 as the console offers it (plain data: it crosses to the browser). */
export type ConsoleEndpoint = {
  id: string;
  method: ConsoleMethod;
  /** The path template, e.g. `/api/v1/jobs/{id}`. */
  path: string;
  summary: string;
  group: string;
  /** The scope the pipeline requires (`x-required-scope`). */
  scope: string;
  params: ConsoleParam[];
  body: { schema: JsonSchema; example: unknown } | null;
};

export type ConsoleGroup = { name: string; endpoints: ConsoleEndpoint[] };

type RawParam = { $ref?: string; in?: string; name?: string; required?: boolean; description?: string; schema?: JsonSchema };
type RawOperation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  "x-required-scope"?: string;
  parameters?: RawParam[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const METHODS: ConsoleMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function params(raw: RawParam[] | undefined, components: Record<string, JsonSchema>): ConsoleParam[] {
  // Header parameters (Klau-Tenant-Id, Idempotency-Key) are set by the console itself.
  return (raw ?? [])
    .filter((p): p is RawParam & { in: "path" | "query"; name: string } => (p.in === "path" || p.in === "query") && !!p.name)
    .map((p) => ({
      name: p.name,
      in: p.in,
      required: p.in === "path" || p.required === true,
      description: p.description ?? p.schema?.description ?? null,
      schema: dereference(p.schema ?? {}, components),
    }));
}

/**
 * The console's endpoint list from the API's own OpenAPI document (the one /api/v1/openapi.json
 * serves), grouped by tag in document order. `today` (YYYY-MM-DD) fills date examples.
 */
export function consoleCatalog(document: OpenApiDocument, today: string): ConsoleGroup[] {
  const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const groups = new Map<string, ConsoleEndpoint[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, RawOperation | undefined>)[method.toLowerCase()];
      if (!op?.operationId) continue;
      const rawBody = op.requestBody?.content?.["application/json"]?.schema;
      const schema = rawBody ? dereference(rawBody, components) : null;
      const group = op.tags?.[0] ?? "Other";
      const endpoint: ConsoleEndpoint = {
        id: op.operationId,
        method,
        path,
        summary: op.summary ?? `${method} ${path}`,
        group,
        scope: op["x-required-scope"] ?? "",
        params: params(op.parameters, components),
        body: schema ? { schema, example: exampleOf(schema, today) } : null,
      };
      groups.set(group, [...(groups.get(group) ?? []), endpoint]);
    }
  }
  return [...groups].map(([name, endpoints]) => ({ name, endpoints }));
}

/** What a role is offered: everything, or the GET operations only (members; the server refuses the rest too). */
export function offeredGroups(groups: ConsoleGroup[], canWrite: boolean): ConsoleGroup[] {
  if (canWrite) return groups;
  return groups.map((g) => ({ ...g, endpoints: g.endpoints.filter((e) => e.method === "GET") })).filter((g) => g.endpoints.length > 0);
}
