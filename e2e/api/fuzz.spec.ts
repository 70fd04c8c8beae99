import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";
import { ALL_RESOURCES, createVia, dispatchBody, type HaulingPath, SAMPLES } from "./resources-fixtures";
import { HOSTILE_CURSORS, HOSTILE_NUMBERS, HOSTILE_OTHER, HOSTILE_STRINGS, HOSTILE_URL_VALUES, hostileBodies, type RawBody } from "./fuzz-inputs";

/**
 * Every operation of the OpenAPI document gets hostile path segments, query values, field values
 * and whole bodies, over real HTTP. Nothing may answer 5xx; every refusal is the error envelope.
 * A few hundred requests, spread over several companies' rate-limit budgets.
 */
test.describe.configure({ timeout: 240_000 });

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minimum?: number;
  minLength?: number;
  example?: unknown;
  default?: unknown;
};
type Parameter = { $ref?: string; in?: string; name?: string; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

type Case = { label: string; method: string; path: string; headers?: Record<string, string>; body?: RawBody };
type Finding = { label: string; status: number; text: string };

/** A company's key and one row per resource, so PATCH/GET/DELETE bodies and ids can reach the database. */
type Tenant = { key: string; rows: Partial<Record<HaulingPath, string>> };

let doc: Document;
let tenants: Tenant[] = [];

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000); // fixtures go through the operator CLI, a process per call
  doc = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
  const companies = await Promise.all([0, 1, 2, 3].map((i) => newCompany(`Fuzz ${i}`)));
  const keys = await Promise.all(companies.map((company) => newKey({ company }, ["read:all", "write:all"])));
  tenants = await Promise.all(
    keys.map(async ({ key }) => {
      const rows: Tenant["rows"] = {};
      for (const resource of ALL_RESOURCES) rows[resource] = (await createVia(request, key, resource)).id;
      return { key, rows };
    }),
  );
});

function resolve(schema: Schema | undefined): Schema {
  if (!schema?.$ref) return schema ?? {};
  return resolve(doc.components.schemas[schema.$ref.split("/").pop() ?? ""]);
}

function typeOf(schema: Schema): string {
  const s = resolve(schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) return typeOf(options.find((o) => resolve(o).type !== "null") ?? {});
  if (s.enum) return "enum";
  return (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type) ?? "any";
}

let turn = 0;
const next = <T>(list: readonly T[]): T => list[turn++ % list.length] as T;

/** A hostile JSON value (as JSON text) suited to make this field's validation or storage fail. */
function hostileJson(schema: Schema): string {
  const type = typeOf(schema);
  if (type === "integer" || type === "number") return next(HOSTILE_NUMBERS);
  if (type === "string" || type === "enum") return JSON.stringify(next(HOSTILE_STRINGS));
  return next([...HOSTILE_OTHER, JSON.stringify(next(HOSTILE_STRINGS)), next(HOSTILE_NUMBERS)]);
}

const resourceOf = (path: string) => path.split("/")[3] as HaulingPath;

/** A valid body where the fixtures know one, so a single hostile field is what gets refused. */
async function baseBody(request: APIRequestContext, tenant: Tenant, method: string, path: string): Promise<Record<string, unknown>> {
  const resource = resourceOf(path);
  if (method === "patch") return {};
  if (resource === "dispatches") return dispatchBody(request, tenant.key);
  return resource in SAMPLES ? { ...SAMPLES[resource as keyof typeof SAMPLES].create } : {};
}

/** JSON text of `base` with `field` set to the raw JSON `value`. */
function withField(base: Record<string, unknown>, field: string, value: string): Buffer {
  const marker = `__fuzz_${randomUUID()}__`;
  return Buffer.from(JSON.stringify({ ...base, [field]: marker }).replace(JSON.stringify(marker), value));
}

async function casesFor(request: APIRequestContext, tenant: Tenant, method: string, template: string, op: Operation): Promise<Case[]> {
  const resource = resourceOf(template);
  const realId = tenant.rows[resource] ?? randomUUID();
  const path = template.replace("{id}", realId);
  const cases: Case[] = [];
  const parameters = (op.parameters ?? []).filter((p) => !p.$ref);
  if (template.includes("{id}")) {
    for (let i = 0; i < (method === "get" ? 6 : 3); i++) {
      const value = next(HOSTILE_URL_VALUES);
      cases.push({ label: `id=${value.slice(0, 40)}`, method, path: template.replace("{id}", value) });
    }
  }
  for (const p of parameters.filter((p) => p.in === "query")) {
    const values = p.name === "cursor" ? [...HOSTILE_CURSORS] : [next(HOSTILE_URL_VALUES), next(HOSTILE_URL_VALUES)];
    for (const value of values) cases.push({ label: `?${p.name}=${value.slice(0, 40)}`, method, path: `${path}?${p.name}=${value}` });
  }
  if (method === "get") {
    cases.push({ label: "unknown query parameter with NUL", method, path: `${path}?x%00=%00&limit=1&limit=2` });
    cases.push({ label: "hostile Klau-Tenant-Id", method, path, headers: { "klau-tenant-id": "' OR 1=1 --" } });
  }
  const schema = resolve(op.requestBody?.content["application/json"]?.schema);
  if (op.requestBody) {
    const base = await baseBody(request, tenant, method, template);
    for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
      const value = hostileJson(fieldSchema);
      cases.push({
        label: `${field}=${value.slice(0, 40)}`,
        method,
        path,
        body: { label: field, bytes: withField(base, field, value), contentType: "application/json" },
      });
    }
    const allNul = Object.fromEntries(Object.keys(schema.properties ?? {}).map((f) => [f, "\u0000"]));
    cases.push({ label: "every field NUL", method, path, body: { label: "all", bytes: Buffer.from(JSON.stringify(allNul)), contentType: "application/json" } });
    cases.push({
      label: "hostile Idempotency-Key",
      method,
      path,
      headers: { "idempotency-key": "é".repeat(300) },
      body: { label: "base", bytes: Buffer.from(JSON.stringify(base)) },
    });
  }
  if (method !== "get") {
    const bodies = hostileBodies();
    for (let i = 0; i < 4; i++) {
      const body = next(bodies);
      cases.push({ label: `body: ${body.label}`, method, path, body });
    }
  }
  return cases;
}

async function send(request: APIRequestContext, key: string, c: Case): Promise<Finding | null> {
  const headers: Record<string, string> = { ...auth(key), ...c.headers };
  if (c.body?.contentType) headers["content-type"] = c.body.contentType;
  const response = await request.fetch(c.path, { method: c.method.toUpperCase(), headers, data: c.body?.bytes, failOnStatusCode: false });
  const status = response.status();
  const text = await response.text();
  const finding = { label: `${c.method.toUpperCase()} ${c.path.slice(0, 80)} [${c.label}]`, status, text: text.slice(0, 300) };
  if (status >= 500 || status === 429) return finding;
  if (status >= 400) {
    const envelope = (() => {
      try {
        return (JSON.parse(text) as { error?: { code?: unknown; requestId?: unknown } }).error;
      } catch {
        return undefined;
      }
    })();
    if (typeof envelope?.code !== "string" || typeof envelope.requestId !== "string") return finding;
    if (text.length > 16_384) return { ...finding, text: `answer of ${text.length} bytes: ${finding.text}` };
  }
  return null;
}

async function run(request: APIRequestContext, key: string, cases: Case[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (let i = 0; i < cases.length; i += 6) {
    const batch = await Promise.all(cases.slice(i, i + 6).map((c) => send(request, key, c)));
    findings.push(...batch.filter((f): f is Finding => f !== null));
  }
  return findings;
}

test("every operation of the OpenAPI document answers hostile input without a 5xx, in the envelope", async ({ request }) => {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  expect(operations.length).toBeGreaterThanOrEqual(40);
  let sent = 0;
  const findings: Finding[] = [];
  for (const [i, { path, method, op }] of operations.entries()) {
    // Spread over the companies' rate-limit budgets (500 per 15 minutes each).
    const tenant = tenants[i % tenants.length];
    if (!tenant) throw new Error("no fuzz tenant");
    const cases = await casesFor(request, tenant, method, path, op);
    findings.push(...(await run(request, tenant.key, cases)));
    sent += cases.length;
  }
  console.log(`fuzz: ${operations.length} operations, ${sent} requests, ${findings.length} findings`);
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
});
