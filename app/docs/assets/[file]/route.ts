import { swaggerAsset } from "@/lib/openapi/swagger-assets";

/** Swagger UI's files, from the installed package (versioned URLs, so cached for a day). */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  const asset = await swaggerAsset(file);
  if (!asset) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(asset.body, {
    headers: {
      "content-type": asset.contentType,
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
}
