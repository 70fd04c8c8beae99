import { openApiDocument } from "@/lib/openapi/document";

/**
 * The OpenAPI 3.1 document. Public on purpose (no key, no rate limit by key): it describes the
 * API, holds no tenant data, and Swagger UI at /docs must load it before anyone has authorized.
 */
export function GET(request: Request): Response {
  const origin = new URL(request.url).origin;
  return Response.json(openApiDocument(origin), {
    headers: {
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
    },
  });
}
