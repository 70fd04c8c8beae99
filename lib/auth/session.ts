import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserId } from "@/lib/auth/session-user-id";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type AccessibleTenant, assertTenantAccess, listAccessibleTenants } from "@/lib/tenancy/access";
import { loginPath } from "./callback-url";
import { homePathFor, tenantHome } from "./home";
import { loadSessionUser, type SessionUser } from "./user";

export type { SessionUser } from "./user";

/**
 * The signed-in user, re-read from the database (once per request): a valid cookie for a deleted
 * user counts as signed out. Use in server components, actions and route handlers.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const id = await getSessionUserId();
  if (!id) return null;
  return loadSessionUser(await getDb(), id);
});

/** The signed-in user, or a redirect to /login that returns to `returnTo` afterwards. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(loginPath(returnTo));
  return user;
}

export const getAccessibleTenants = cache(async (userId: string): Promise<AccessibleTenant[]> => {
  return listAccessibleTenants(await getDb(), { id: userId });
});

export async function getHomePath(user: SessionUser): Promise<string | null> {
  return homePathFor(user, user.isOperator || user.vendor ? [] : await getAccessibleTenants(user.id));
}

/**
 * The user and their role in `tenantId`; a tenant they cannot see renders the 404 page. Signed out
 * (the proxy normally catches that first) → /login, then back to the tenant's developer settings.
 */
export const requireTenantAccess = cache(async (tenantId: string): Promise<{ user: SessionUser; tenant: AccessibleTenant }> => {
  const user = await requireUser(tenantHome(tenantId));
  try {
    return { user, tenant: await assertTenantAccess(await getDb(), user, tenantId) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

/** A vendor user with their vendor account; anyone else gets the 404 page. */
export async function requireVendorUser(): Promise<SessionUser & { vendor: { id: string; name: string } }> {
  const user = await requireUser("/vendor");
  const { vendor } = user;
  if (!vendor) notFound();
  return { ...user, vendor };
}

export async function requireOperator(): Promise<SessionUser> {
  const user = await requireUser("/operator");
  if (!user.isOperator) notFound();
  return user;
}
