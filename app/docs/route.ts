import swaggerPackage from "swagger-ui-dist/package.json";
import { DOCS_CSP, docsHtml } from "@/lib/openapi/docs-page";

/**
 * Swagger UI at /docs (spec: "available at /docs on any running instance"). A plain HTML answer
 * rather than a React page: Swagger UI brings its own styles, and the app's CSS reset would fight them.
 */
export function GET(): Response {
  return new Response(docsHtml(swaggerPackage.version), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": DOCS_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-cache",
    },
  });
}
