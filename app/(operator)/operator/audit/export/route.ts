import { auth } from "@/lib/auth/auth";
import { auditExportResponse, exportRefusal } from "@/lib/audit-trail/export-response";
import { can } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/user";
import { getDb } from "@/lib/db/client";
import { operatorScope } from "@/lib/tenancy/scope";

/** GET /operator/audit/export?format=csv|json&<filters>: every tenant's audit log, operators only (404 for anyone else). */
export async function GET(request: Request): Promise<Response> {
  const session = await auth();
  const db = await getDb();
  const user = session?.user?.id ? await loadSessionUser(db, session.user.id) : null;
  if (!user) return exportRefusal(401, "UNAUTHORIZED", "Sign in to export the audit log");
  if (!user.isOperator || !can("OPERATOR", "audit:export")) return exportRefusal(404, "NOT_FOUND", "Not found");
  return auditExportResponse(db, operatorScope(), new URL(request.url), "audit-all");
}
