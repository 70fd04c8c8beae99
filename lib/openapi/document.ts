import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { HAULING_RESOURCES } from "@/lib/hauling/catalog";
import { RESOURCE_CATALOG, resourcesByGroup } from "@/lib/scopes/catalog";
import { security, securitySchemes } from "./components";
import { crudPaths } from "./crud-paths";
import { platformPaths } from "./platform-paths";

export const PRODUCTION_URL = "https://api.getklau.com";
export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The scope catalog as a Markdown list, one line per group. */
const SCOPE_NOTES = resourcesByGroup()
  .map(({ label, resources }) => {
    const names = resources.map((r) => `\`${r}\`${RESOURCE_CATALOG[r].served ? "" : " *(reserved)*"}`);
    return `- ${label}: ${names.join(", ")}`;
  })
  .join("\n");

const INTRO = `The Klau API: jobs, dispatches, drivers, trucks, customers and the rest of a hauler's data.

**Authentication.** Send an API key: \`Authorization: Bearer kl_live_…\`. *Direct keys* belong to one company or
division and act only for it. *Vendor keys* belong to a platform integrator and must name the company they act for
in the \`Klau-Tenant-Id\` header (an active partnership with that company is required).

**Scopes.** Each operation needs \`read:<resource>\` (GET/HEAD) or \`write:<resource>\` (POST/PUT/PATCH/DELETE),
shown as *Required scope* and \`x-required-scope\`. Wildcards: \`read:all\`, \`write:all\`, \`read:*\`, \`write:*\`.
Resources by group (those marked *reserved* have no routes yet; keys may carry their scopes ahead):
${SCOPE_NOTES}

**Responses.** Success: \`{"data": …}\` (lists add \`{"pagination": {"nextCursor": …}}\`). Failure:
\`{"error": {"code": "NOT_FOUND", "message": "Job not found", "requestId": …}}\`.

**Rate limits.** 500 requests per 15 minutes per identity; every response carries \`x-ratelimit-limit\`,
\`x-ratelimit-remaining\` and \`x-ratelimit-reset\` (seconds until the window resets); over the limit → 429 with
\`retry-after\`.

**Idempotency.** Send \`Idempotency-Key\` on any non-GET request to retry safely: a repeat within 24 hours returns
the original response with \`X-Idempotency-Hit: true\`.`;

function buildDocument(): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = Object.assign({}, ...HAULING_RESOURCES.map(crudPaths), platformPaths);
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Klau API", version: "1.0.0", description: INTRO },
    servers: [{ url: PRODUCTION_URL, description: "Production" }],
    security,
    tags: [
      ...HAULING_RESOURCES.map((r) => ({ name: r.tag, description: r.description })),
      { name: "Companies", description: "The company (tenant) being acted for." },
      { name: "Usage", description: "This company's API usage." },
      { name: "Keys", description: "API keys: reporting leaked ones." },
    ],
    paths,
    components: { securitySchemes },
  });
}

let cached: OpenApiDocument | undefined;

/**
 * The document for a given origin: this instance first (so "Try it out" calls the server that
 * served the page), then production. Built once per process; only `servers` differs per request.
 */
export function openApiDocument(origin?: string): OpenApiDocument {
  cached ??= buildDocument();
  const servers = origin && origin !== PRODUCTION_URL ? [{ url: origin, description: "This instance" }] : [];
  return { ...cached, servers: [...servers, { url: PRODUCTION_URL, description: "Production" }] };
}
