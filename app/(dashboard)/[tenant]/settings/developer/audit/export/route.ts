import { auth } from "@/lib/auth/auth";
import { auditExportResponse, exportRefusal } from "@/lib/audit-trail/export-response";
import { can } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/user";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type AccessibleTenant, assertTenantAccess } from "@/lib/tenancy/access";
import { companyScope } from "@/lib/tenancy/scope";

/**
 * GET …/audit/export?format=csv|json&<filters>: the tenant's audit log as a download, streamed a page
 * at a time. Authorized here on every request (session → tenant access → `audit:export`), never by
 * the proxy or the page that links to it: another tenant's id is 404, a member's request is 403.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }): Promise<Response> {
  const session = await auth();
  const db = await getDb();
  const user = session?.user?.id ? await loadSessionUser(db, session.user.id) : null;
  if (!user) return exportRefusal(401, "UNAUTHORIZED", "Sign in to export the audit log");
  let tenant: AccessibleTenant;
  try {
    tenant = await assertTenantAccess(db, user, (await params).tenant);
  } catch (error) {
    if (error instanceof NotFoundError) return exportRefusal(404, "NOT_FOUND", "Tenant not found");
    throw error;
  }
  if (!can(tenant.role, "audit:export")) return exportRefusal(403, "FORBIDDEN", "Your role may read the audit log but not export it");
  return auditExportResponse(db, companyScope(tenant), new URL(request.url), `audit-${tenant.id}`);
}
