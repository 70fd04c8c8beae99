import "server-only";
import type { AccessibleTenant } from "./access";

/**
 * Whose data a control-plane call may see or change. Every control-plane service takes one as a
 * required argument, so forgetting it does not compile. A row outside the scope is reported as not
 * found, never as forbidden, so ids of other tenants cannot be probed.
 */

/** One company or division; `includeDivisions` adds its divisions (a corporate user on the parent). */
export type CompanyScope = { kind: "company"; companyId: string; includeDivisions: boolean };

/** A vendor account: its own keys and the partnerships companies granted it. */
export type VendorScope = { kind: "vendor"; vendorId: string };

declare const operatorBrand: unique symbol;

/** Everything. Only `operatorScope()` makes one (the operator CLI and operator pages). */
export type OperatorScope = { kind: "operator"; readonly [operatorBrand]: true };

export type AccessScope = CompanyScope | VendorScope | OperatorScope;

export function operatorScope(): OperatorScope {
  return { kind: "operator" } as OperatorScope;
}

export function vendorScope(vendorId: string): VendorScope {
  return { kind: "vendor", vendorId };
}

/** The scope of a signed-in user in a tenant: a corporate user on a top-level company sees its divisions. */
export function companyScope(tenant: Pick<AccessibleTenant, "id" | "parentId" | "role">): CompanyScope {
  return { kind: "company", companyId: tenant.id, includeDivisions: tenant.role === "CORPORATE" && tenant.parentId === null };
}

/** True when a row of `company` (with its parent) lies in a company scope. */
export function companyInScope(scope: CompanyScope, company: { id: string; parentId: string | null }): boolean {
  return company.id === scope.companyId || (scope.includeDivisions && company.parentId === scope.companyId);
}

/**
 * A Prisma filter for rows with a `companyId` and a `company` relation: the scope's company and,
 * when `includeDivisions`, its divisions.
 */
export function companyWhere(scope: CompanyScope) {
  return scope.includeDivisions ? { OR: [{ companyId: scope.companyId }, { company: { parentId: scope.companyId } }] } : { companyId: scope.companyId };
}

/** A Prisma filter for rows that belong to a company and a vendor (partnerships): those the scope may see. */
export function companyOrVendorWhere(scope: AccessScope) {
  if (scope.kind === "company") return companyWhere(scope);
  if (scope.kind === "vendor") return { vendorId: scope.vendorId };
  return {};
}
