import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/types";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { loadCaller } from "./caller";
import { describeError, type ErrorCode, ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import type { AccessibleTenant } from "@/lib/tenancy/access";
import { type AccessScope, type CompanyScope, companyScope, type OperatorScope, operatorScope, type VendorScope, vendorScope } from "@/lib/tenancy/scope";

/** What every server action returns: data, or a code from the one error table and a message to show. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string }; fieldErrors?: Record<string, string[]> };

type BaseContext = { db: Db; user: SessionUser; actor: Actor; role: Role };
export type TenantActionContext = BaseContext & { scope: CompanyScope; tenant: AccessibleTenant };
export type VendorActionContext = BaseContext & { scope: VendorScope; vendor: { id: string; name: string } };
export type OperatorActionContext = BaseContext & { scope: OperatorScope };
/** Any of the three: what code shared between kinds of action may rely on. */
export type ActionContext = BaseContext & { scope: AccessScope; tenant?: AccessibleTenant };

export type ActionOn = "tenant" | "vendor" | "operator";
type ContextFor<O extends ActionOn> = O extends "tenant" ? TenantActionContext : O extends "vendor" ? VendorActionContext : OperatorActionContext;
/** A tenant action's input names the tenant (the `[tenant]` route param): its schema must output `tenantId`. */
type InputSchemaFor<O extends ActionOn> = O extends "tenant" ? z.ZodType<{ tenantId: string }> : z.ZodType;

/** The callable a page or form imports. A form may post its FormData directly. */
export type ServerAction<S extends z.ZodType, R> = (input: z.input<S> | FormData) => Promise<ActionResult<R>>;

export type ActionDeps = {
  getDb(): Promise<Db>;
  /** The user id of the request's verified session; null when signed out. The wrapper re-reads the user. */
  getSessionUserId(): Promise<string | null>;
  getClientIp(): Promise<string | null>;
  /** Re-throws the framework's control-flow errors (redirect, notFound) so they are not reported as failures. */
  rethrow(error: unknown): void;
  /** Where unexpected errors are logged (their text never reaches the caller). */
  logError(error: unknown): void;
};

/** FormData → plain object (a repeated name becomes an array); the framework's own `$ACTION…` fields are dropped. */
function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (name.startsWith("$ACTION")) continue;
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function failure(error: unknown, deps: ActionDeps): ActionResult<never> {
  deps.rethrow(error);
  const described = describeError(error);
  if (described.code === "INTERNAL_ERROR") deps.logError(error);
  const result: ActionResult<never> = { ok: false, error: { code: described.code, message: described.message } };
  if (!described.fields) return result;
  const fieldErrors: Record<string, string[]> = {};
  for (const { path, message } of described.fields) {
    const key = path || "_";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), message];
  }
  return { ...result, fieldErrors };
}

async function contextFor(
  on: ActionOn,
  input: unknown,
  base: { db: Db; userId: string; ip: string | null },
): Promise<TenantActionContext | VendorActionContext | OperatorActionContext> {
  const { db, ip } = base;
  // No access and no such tenant read the same (NOT_FOUND): tenant ids cannot be probed.
  const { user, tenant } = await loadCaller(db, base.userId, on === "tenant" ? (input as { tenantId: string }).tenantId : null);
  const actor: Actor = { userId: user.id, label: user.email, ip };
  if (tenant) return { db, user, actor, role: tenant.role, tenant, scope: companyScope(tenant) };
  if (on === "vendor") {
    if (!user.vendor) throw new NotFoundError("Vendor account");
    return { db, user, actor, role: "VENDOR", vendor: user.vendor, scope: vendorScope(user.vendor.id) };
  }
  if (!user.isOperator) throw new NotFoundError("Page");
  return { db, user, actor, role: "OPERATOR", scope: operatorScope() };
}

/**
 * Builds the two ways to write a server action. Every `"use server"` export in the tree is made by
 * one of them (a test checks it). `deps` resolve the request (session, client IP); the exported
 * wrappers in authorized-action.ts bind Next's, tests bind their own.
 */
export function createActionWrappers(deps: ActionDeps) {
  /**
   * An action for a signed-in user, on the server, per request: signed out → UNAUTHORIZED; input
   * parsed with zod → VALIDATION_ERROR with `fieldErrors`; tenant/vendor/operator access checked →
   * NOT_FOUND (never revealing what exists); the declared permission checked for the caller's role
   * there → FORBIDDEN; then `run` with the scope and audit actor, its errors mapped through the one
   * error table. Nothing runs (and so nothing is written) unless every check passes.
   */
  function authorizedAction<O extends ActionOn, S extends InputSchemaFor<O>, R>(
    definition: { on: O; permission: Permission; input: S },
    run: (args: { input: z.output<S>; ctx: ContextFor<O> }) => Promise<R>,
  ): ServerAction<S, R> {
    return async (raw) => {
      try {
        const userId = await deps.getSessionUserId();
        if (!userId) throw new UnauthorizedError("Sign in to continue");
        const input = definition.input.parse(raw instanceof FormData ? formObject(raw) : raw) as z.output<S>;
        const [db, ip] = await Promise.all([deps.getDb(), deps.getClientIp()]);
        const ctx = await contextFor(definition.on, input, { db, userId, ip });
        if (!can(ctx.role, definition.permission)) {
          throw new ForbiddenError(`Your role does not allow this action (it needs ${definition.permission})`);
        }
        return { ok: true, data: await run({ input, ctx: ctx as ContextFor<O> }) };
      } catch (error) {
        return failure(error, deps);
      }
    };
  }

  /**
   * An action open to anyone, for signing in and out only: the same parsing and error mapping,
   * without a session.
   */
  function publicAction<S extends z.ZodType, R>(
    definition: { input: S },
    run: (args: { input: z.output<S>; ctx: { db: Db; ip: string | null } }) => Promise<R>,
  ): ServerAction<S, R> {
    return async (raw) => {
      try {
        const input = definition.input.parse(raw instanceof FormData ? formObject(raw) : raw) as z.output<S>;
        const [db, ip] = await Promise.all([deps.getDb(), deps.getClientIp()]);
        return { ok: true, data: await run({ input, ctx: { db, ip } }) };
      } catch (error) {
        return failure(error, deps);
      }
    };
  }

  return { authorizedAction, publicAction };
}
