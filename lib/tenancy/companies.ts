import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Company, Prisma } from "@/lib/generated/prisma/client";
import type { CreateCompanyInput } from "./schemas";
import type { OperatorScope } from "./scope";

export type CompanyView = { id: string; name: string; parentId: string | null; createdAt: Date };

export function toCompanyView(c: Company): CompanyView {
  return { id: c.id, name: c.name, parentId: c.parentId, createdAt: c.createdAt };
}

export async function getCompanyOrThrow(db: Prisma.TransactionClient, id: string): Promise<Company> {
  const company = await db.company.findUnique({ where: { id } });
  if (!company) throw new NotFoundError("Company");
  return company;
}

/**
 * A company, or a division when `parentId` names a top-level company (divisions do not nest).
 * Companies are created by the platform operator only.
 */
export async function createCompany(db: Db, _scope: OperatorScope, actor: Actor, input: CreateCompanyInput): Promise<CompanyView> {
  const company = await db.$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.company.findUnique({ where: { id: input.parentId } });
      if (!parent) throw new NotFoundError("Parent company");
      if (parent.parentId) throw new InvalidInputError("A division cannot have divisions of its own");
    }
    const created = await tx.company.create({ data: { name: input.name, parentId: input.parentId ?? null } });
    await recordAudit(tx, {
      actor,
      action: "company.created",
      target: { type: "company", id: created.id },
      companyId: created.id,
      metadata: { name: created.name, parentId: created.parentId },
    });
    return created;
  });
  return toCompanyView(company);
}

/** Every company (or the divisions of one): the operator's directory. */
export async function listCompanies(db: Db, _scope: OperatorScope, filter: { parentId?: string } = {}): Promise<CompanyView[]> {
  const companies = await db.company.findMany({
    where: { parentId: filter.parentId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return companies.map(toCompanyView);
}
