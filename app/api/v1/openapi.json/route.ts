import { openApiDocument } from "@/lib/openapi/document";
import { requestOrigin } from "@/lib/openapi/request-origin";

/**
 * The OpenAPI 3.1 document. Public on purpose (no key, no rate limit by key): it describes the
 * API, holds no tenant data, and Swagger UI at /docs must load it before anyone has authorized.
 */
export function GET(request: Request): Response {
  return Response.json(openApiDocument(requestOrigin(request)), {
    headers: {
      // The servers list depends on the Host header.
      "cache-control": "public, max-age=300",
      vary: "host, x-forwarded-host, x-forwarded-proto",
      "access-control-allow-origin": "*",
    },
  });
}
