import { auth } from "@/auth";
import { exportAudit } from "@/lib/audit/export";
import { auditFilters } from "@/lib/audit/query";
import { can } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/user";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { assertTenantAccess } from "@/lib/tenancy/access";
import { companyScope } from "@/lib/tenancy/scope";

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * GET …/audit/export?format=csv|json&<filters>: the tenant's audit log as a download, streamed a page
 * at a time. Authorized here on every request (session → tenant access → `audit:export`), never by
 * the proxy or the page that links to it: another tenant's id is 404, a member's request is 403.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }): Promise<Response> {
  const session = await auth();
  const db = await getDb();
  const user = session?.user?.id ? await loadSessionUser(db, session.user.id) : null;
  if (!user) return refuse(401, "UNAUTHORIZED", "Sign in to export the audit log");
  let tenant: Awaited<ReturnType<typeof assertTenantAccess>>;
  try {
    tenant = await assertTenantAccess(db, user, (await params).tenant);
  } catch (error) {
    if (error instanceof NotFoundError) return refuse(404, "NOT_FOUND", "Tenant not found");
    throw error;
  }
  if (!can(tenant.role, "audit:export")) return refuse(403, "FORBIDDEN", "Your role may read the audit log but not export it");
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return refuse(400, "VALIDATION_ERROR", "format must be csv or json");
  const filters = auditFilters.omit({ companyId: true }).safeParse(Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "format" && v !== "")));
  if (!filters.success) return refuse(400, "VALIDATION_ERROR", "Invalid filters: check the dates");

  const chunks = exportAudit(db, companyScope(tenant), filters.data, format);
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
      "content-disposition": `attachment; filename="audit-${tenant.id}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
