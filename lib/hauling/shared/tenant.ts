import "server-only";
/**
 * The tenant filter every hauling query carries (documenso's buildTeamWhereQuery idea): callers
 * cannot build a where clause without naming the tenant, and the tenant always wins over `extra`.
 */
export function ownedBy<W extends object>(tenantId: string, extra?: W): W & { companyId: string } {
  return { ...(extra ?? ({} as W)), companyId: tenantId };
}
