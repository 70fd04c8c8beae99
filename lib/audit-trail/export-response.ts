import "server-only";
import type { Db } from "@/lib/db/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { exportAudit } from "./export";
import { auditFilters } from "./query";

/** An error in the `{error:{code,message}}` envelope, never cached. */
export function exportRefusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The download for an already-authorized caller: `format=csv|json` and the page's filters from the
 * query string, streamed a page at a time (ReadableStream pulling the export generator).
 */
export function auditExportResponse(db: Db, scope: AccessScope, url: URL, filenameStem: string): Response {
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return exportRefusal(400, "VALIDATION_ERROR", "format must be csv or json");
  const allowed = scope.kind === "operator" ? auditFilters : auditFilters.omit({ companyId: true });
  const filters = allowed.safeParse(Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "format" && v !== "")));
  if (!filters.success) return exportRefusal(400, "VALIDATION_ERROR", "Invalid filters: check the dates");
  const chunks = exportAudit(db, scope, filters.data, format);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filenameStem}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
