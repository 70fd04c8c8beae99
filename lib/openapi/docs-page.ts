import "server-only";
/**
 * The /docs page: Swagger UI on the API's own OpenAPI document, everything from this origin. The
 * Authorize dialog takes the bearer key and, for vendor keys, Klau-Tenant-Id; both persist in the
 * browser (persistAuthorization) across reloads.
 */
export const DOCS_TITLE = "Klau API reference";
export const ASSET_BASE = "/docs/assets";

export const DOCS_INIT_SCRIPT = `"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    filter: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
`;

const CSS = `
  body { margin: 0; background: #fafafa; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  .klau-docs-header { display: flex; align-items: baseline; gap: 1rem; padding: 1rem 2rem; background: #0f172a; color: #f8fafc; }
  .klau-docs-header h1 { margin: 0; font-size: 1.25rem; }
  .klau-docs-header p { margin: 0; font-size: .875rem; color: #cbd5e1; }
  .klau-docs-header code { color: #f8fafc; }
`;

export function docsHtml(version: string): string {
  const asset = (name: string) => `${ASSET_BASE}/${name}?v=${encodeURIComponent(version)}`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${DOCS_TITLE}</title>
  <link rel="icon" type="image/png" sizes="32x32" href="${asset("favicon-32x32.png")}">
  <link rel="stylesheet" href="${asset("swagger-ui.css")}">
  <style>${CSS}</style>
</head>
<body>
  <header class="klau-docs-header">
    <h1>${DOCS_TITLE}</h1>
    <p>Click <strong>Authorize</strong> and paste your <code>kl_live_…</code> key. Vendor keys also need the company id in <code>Klau-Tenant-Id</code>.</p>
  </header>
  <main id="swagger-ui"></main>
  <script src="${asset("swagger-ui-bundle.js")}"></script>
  <script src="${asset("klau-docs.js")}"></script>
</body>
</html>
`;
}

/**
 * Nothing on the page may reach another origin except "Try it out" against production, and
 * Swagger UI needs inline styles (it sets style attributes) but no inline or remote scripts.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://api.getklau.com",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
