import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { Membership, MembershipRole, Prisma, User } from "@/lib/generated/prisma/client";
import { getCompanyOrThrow } from "@/lib/tenancy/companies";
import type { OperatorScope } from "@/lib/tenancy/scope";
import { getVendorOrThrow } from "@/lib/tenancy/vendors";
import { hashPassword } from "./password";
import type { CreateUserInput, MembershipRoleName, UserAccount } from "./schemas";

/** A user as lists show them: never the password hash. */
export type UserView = {
  id: string;
  email: string;
  name: string;
  isOperator: boolean;
  vendorId: string | null;
  memberships: { companyId: string; role: MembershipRoleName }[];
  createdAt: Date;
};

const ROLE_TO_DB: Record<MembershipRoleName, MembershipRole> = { corporate: "CORPORATE", admin: "ADMIN", member: "MEMBER" };

function toUserView(user: User & { memberships: Membership[] }): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isOperator: user.isOperator,
    vendorId: user.vendorId,
    memberships: user.memberships.map((m) => ({ companyId: m.companyId, role: m.role.toLowerCase() as MembershipRoleName })),
    createdAt: user.createdAt,
  };
}

async function checkAccount(tx: Prisma.TransactionClient, account: UserAccount): Promise<void> {
  if (account.kind === "vendor") await getVendorOrThrow(tx, account.vendorId);
  if (account.kind !== "company") return;
  const company = await getCompanyOrThrow(tx, account.companyId);
  // Corporate users switch into the divisions of their company, so they belong to the parent.
  if (account.role === "corporate" && company.parentId) {
    throw new InvalidInputError("The corporate role belongs on a top-level company, not on a division");
  }
}

function alreadyExists(email: string): ConflictError {
  return new ConflictError(`A user with the email ${email} already exists`);
}

/** Accounts are created by the platform operator only (there is no self sign-up). */
export async function createUser(db: Db, _scope: OperatorScope, actor: Actor, input: CreateUserInput): Promise<UserView> {
  const { account } = input;
  const passwordHash = await hashPassword(input.password); // outside the transaction: ~60 ms of CPU
  try {
    const user = await db.$transaction(async (tx) => {
      await checkAccount(tx, account);
      if (await tx.user.findUnique({ where: { email: input.email } })) throw alreadyExists(input.email);
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name ?? input.email.split("@")[0] ?? input.email,
          passwordHash,
          isOperator: account.kind === "operator",
          vendorId: account.kind === "vendor" ? account.vendorId : null,
          memberships: account.kind === "company" ? { create: { companyId: account.companyId, role: ROLE_TO_DB[account.role] } } : undefined,
        },
        include: { memberships: true },
      });
      await recordAudit(tx, {
        actor,
        action: "user.created",
        target: { type: "user", id: created.id },
        companyId: account.kind === "company" ? account.companyId : null,
        vendorId: account.kind === "vendor" ? account.vendorId : null,
        metadata: { email: created.email, account: account.kind, role: account.kind === "company" ? account.role : undefined },
      });
      return created;
    });
    return toUserView(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyExists(input.email); // a concurrent create won the race
    throw error;
  }
}

export type UserFilter = { companyId?: string; vendorId?: string; operators?: boolean };

export async function listUsers(db: Db, _scope: OperatorScope, filter: UserFilter = {}): Promise<UserView[]> {
  const users = await db.user.findMany({
    where: {
      vendorId: filter.vendorId,
      isOperator: filter.operators ? true : undefined,
      memberships: filter.companyId ? { some: { companyId: filter.companyId } } : undefined,
    },
    include: { memberships: { orderBy: { createdAt: "asc" } } },
    orderBy: [{ createdAt: "asc" }, { email: "asc" }],
  });
  return users.map(toUserView);
}
