import "server-only";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { PartnershipRequest } from "@/lib/generated/prisma/client";
import { cancelOpenRequests, changePartnership, lockPartnership, lockRequest, partnershipTransaction, type Tx, without } from "./partnership-change";
import type { RequestMoreScopesInput, RequestPartnershipInput } from "./partnership-schemas";
import type { VendorScope } from "./scope";
import { isUniqueViolation } from "@/lib/db/prisma-errors";

/**
 * The vendor's side of the flow: request a partnership, request more scopes, withdraw a pending
 * request, end a partnership. Each takes the vendor's scope; another vendor's rows are NotFound.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unknownTenant(): NotFoundError {
  return new NotFoundError("Company with this tenant ID");
}

async function openRequest(tx: Tx, partnershipId: string): Promise<PartnershipRequest | null> {
  return tx.partnershipRequest.findFirst({ where: { partnershipId, status: "PENDING" } });
}

async function insertRequest(tx: Tx, actor: Actor, partnershipId: string, scopes: string[], note: string | undefined) {
  return tx.partnershipRequest.create({ data: { partnershipId, scopes, note: note || null, requestedByLabel: actor.label } });
}

/**
 * A new partnership request to the company whose tenant id the vendor was given. A pair that was
 * never partnered, or whose partnership ended, starts a new cycle with nothing granted; an active,
 * suspended or pending one is a CONFLICT saying what to do instead.
 */
export async function requestPartnership(db: Db, scope: VendorScope, actor: Actor, input: RequestPartnershipInput): Promise<PartnershipRequest> {
  const companyId = input.companyId.toLowerCase();
  if (!UUID.test(companyId)) throw unknownTenant();
  try {
    return await partnershipTransaction(db, async (tx, changed) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
      if (!company) throw unknownTenant();
      const existing = await tx.partnership.findUnique({ where: { vendorId_companyId: { vendorId: scope.vendorId, companyId } } });
      const now = new Date();
      const cycle = { status: "PENDING" as const, scopes: [], closedAs: null, openedAt: now, activeSince: null };
      let partnershipId: string;
      if (!existing) {
        const created = await tx.partnership.create({ data: { vendorId: scope.vendorId, companyId, ...cycle } });
        partnershipId = created.id;
      } else {
        const p = await lockPartnership(tx, scope, existing.id);
        if (p.status === "ACTIVE" || p.status === "SUSPENDED") {
          throw new ConflictError("You already have a partnership with this company: request more scopes on it instead", { partnershipId: p.id });
        }
        if (p.status === "PENDING") {
          throw new ConflictError("Your request to this company is still pending: withdraw it to send a different one", { partnershipId: p.id });
        }
        partnershipId = p.id;
        await tx.partnership.update({ where: { id: p.id }, data: cycle });
      }
      const request = await insertRequest(tx, actor, partnershipId, input.scopes, input.note);
      const p = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
      await changePartnership(
        tx,
        actor,
        existing ?? p,
        {},
        "partnership.requested",
        { requestId: request.id, requested: request.scopes, note: request.note },
        changed,
      );
      return request;
    });
  } catch (error) {
    // Two requests for the same pair at once: the second finds the first's partnership.
    if (isUniqueViolation(error)) throw new ConflictError("Your request to this company is still pending: withdraw it to send a different one");
    throw error;
  }
}

/** More scopes on an active or suspended partnership; the current grant keeps working meanwhile. */
export async function requestMoreScopes(db: Db, scope: VendorScope, actor: Actor, input: RequestMoreScopesInput): Promise<PartnershipRequest> {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, input.partnershipId);
    if (p.status !== "ACTIVE" && p.status !== "SUSPENDED") {
      throw new ConflictError("Only an active or suspended partnership can get more scopes: send a new partnership request");
    }
    if (await openRequest(tx, p.id)) throw new ConflictError("A request on this partnership is still pending: withdraw it first");
    const scopes = without(input.scopes, p.scopes);
    if (scopes.length === 0) throw new InvalidInputError("Every scope you asked for is already granted");
    const request = await insertRequest(tx, actor, p.id, scopes, input.note);
    await changePartnership(tx, actor, p, {}, "partnership.requested", { requestId: request.id, requested: scopes, note: request.note }, changed);
    return request;
  });
}

/** Withdraws a pending request; a first request withdrawn leaves no partnership behind. */
export async function withdrawRequest(db: Db, scope: VendorScope, actor: Actor, requestId: string): Promise<PartnershipRequest> {
  return partnershipTransaction(db, async (tx, changed) => {
    const { request, partnership } = await lockRequest(tx, scope, requestId);
    if (request.status !== "PENDING") throw new ConflictError("This request is no longer pending");
    const withdrawn = await tx.partnershipRequest.update({
      where: { id: request.id },
      data: { status: "WITHDRAWN", decidedAt: new Date(), decidedByLabel: actor.label },
    });
    const change = partnership.status === "PENDING" ? { status: "REVOKED" as const, closedAs: "withdrawn" } : {};
    await changePartnership(tx, actor, partnership, change, "partnership.request_withdrawn", { requestId, requested: request.scopes }, changed);
    return withdrawn;
  });
}

/** The vendor ends the partnership: final, like a revocation (a new request starts over). */
export async function endPartnership(db: Db, scope: VendorScope, actor: Actor, partnershipId: string) {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, partnershipId);
    if (p.status === "REVOKED") return p;
    if (p.status === "PENDING") throw new ConflictError("This partnership has not started: withdraw its request instead");
    await cancelOpenRequests(tx, p.id, actor);
    return changePartnership(tx, actor, p, { status: "REVOKED", closedAs: "ended" }, "partnership.ended", {}, changed);
  });
}
