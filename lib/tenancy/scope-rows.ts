import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "./scope";

/**
 * Row filters for the scope on tables that carry `companyId` and `vendorId` columns without a
 * relation (request log, its roll-up, audit events): a company sees its own rows (and its
 * divisions' with `includeDivisions`), a vendor the rows it made, an operator everything.
 */
export function scopeSql(scope: AccessScope): Prisma.Sql {
  switch (scope.kind) {
    case "company":
      return scope.includeDivisions
        ? Prisma.sql`"companyId" IN (SELECT id FROM "Company" WHERE id = ${scope.companyId} OR "parentId" = ${scope.companyId})`
        : Prisma.sql`"companyId" = ${scope.companyId}`;
    case "vendor":
      return Prisma.sql`"vendorId" = ${scope.vendorId}`;
    case "operator":
      return Prisma.sql`TRUE`;
  }
}

export type ScopeWhere = { companyId?: string | { in: string[] }; vendorId?: string };

/** The same filter as a Prisma `where` (one query for the divisions when they are included). */
export async function scopeWhere(db: DbClient, scope: AccessScope): Promise<ScopeWhere> {
  switch (scope.kind) {
    case "company": {
      if (!scope.includeDivisions) return { companyId: scope.companyId };
      const divisions = await db.company.findMany({ where: { parentId: scope.companyId }, select: { id: true } });
      return { companyId: { in: [scope.companyId, ...divisions.map((d) => d.id)] } };
    }
    case "vendor":
      return { vendorId: scope.vendorId };
    case "operator":
      return {};
  }
}
