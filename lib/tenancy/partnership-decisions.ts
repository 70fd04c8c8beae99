import "server-only";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { Partnership, PartnershipRequest } from "@/lib/generated/prisma/client";
import { cancelOpenRequests, changePartnership, lockPartnership, lockRequest, partnershipTransaction, union, without } from "./partnership-change";
import type { ApproveRequestInput, DenyRequestInput, EditGrantInput } from "./partnership-schemas";
import type { CompanyScope, OperatorScope } from "./scope";

/**
 * The company's side of the flow (and the operator's): decide on requests, change the grant,
 * suspend, resume, revoke. A company scope reaches only its own partnerships.
 */
export type DecidingScope = CompanyScope | OperatorScope;

const live = (p: Partnership) => p.status === "ACTIVE" || p.status === "SUSPENDED";

function notPending(): ConflictError {
  return new ConflictError("This request is no longer pending");
}

/**
 * Grants all or part of a pending request: `scopes` must be among the requested ones. They are
 * added to the current grant; a first request makes the partnership active.
 */
export async function approveRequest(db: Db, scope: DecidingScope, actor: Actor, input: ApproveRequestInput): Promise<PartnershipRequest> {
  return partnershipTransaction(db, async (tx, changed) => {
    const { request, partnership } = await lockRequest(tx, scope, input.requestId);
    if (request.status !== "PENDING") throw notPending();
    const unasked = without(input.scopes, request.scopes);
    if (unasked.length > 0) {
      throw new InvalidInputError(`Only requested scopes can be approved; not requested: ${unasked.join(", ")}`, { scopes: unasked });
    }
    const decided = await tx.partnershipRequest.update({
      where: { id: request.id },
      data: { status: "APPROVED", approvedScopes: input.scopes, decidedAt: new Date(), decidedByLabel: actor.label },
    });
    const first = partnership.status === "PENDING";
    const change = first ? { status: "ACTIVE" as const, scopes: input.scopes, activeSince: new Date() } : { scopes: union(partnership.scopes, input.scopes) };
    await changePartnership(
      tx,
      actor,
      partnership,
      change,
      "partnership.approved",
      { requestId: request.id, requested: request.scopes, approved: input.scopes, notApproved: without(request.scopes, input.scopes) },
      changed,
    );
    return decided;
  });
}

/** Denies a pending request with a reason the vendor sees; a denied first request ends the cycle. */
export async function denyRequest(db: Db, scope: DecidingScope, actor: Actor, input: DenyRequestInput): Promise<PartnershipRequest> {
  return partnershipTransaction(db, async (tx, changed) => {
    const { request, partnership } = await lockRequest(tx, scope, input.requestId);
    if (request.status !== "PENDING") throw notPending();
    const decided = await tx.partnershipRequest.update({
      where: { id: request.id },
      data: { status: "DENIED", decisionReason: input.reason, decidedAt: new Date(), decidedByLabel: actor.label },
    });
    const change = partnership.status === "PENDING" ? { status: "REVOKED" as const, closedAs: "denied" } : {};
    await changePartnership(
      tx,
      actor,
      partnership,
      change,
      "partnership.denied",
      { requestId: request.id, requested: request.scopes, reason: input.reason },
      changed,
    );
    return decided;
  });
}

/** Replaces the granted scopes (removing takes effect at once; adding unasked is allowed). */
export async function editGrant(db: Db, scope: DecidingScope, actor: Actor, input: EditGrantInput): Promise<Partnership> {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, input.partnershipId);
    if (!live(p)) throw new ConflictError("Only an active or suspended partnership has a grant to edit");
    const same = input.scopes.length === p.scopes.length && without(input.scopes, p.scopes).length === 0;
    if (same) return p;
    return changePartnership(
      tx,
      actor,
      p,
      { scopes: input.scopes },
      "partnership.grant_changed",
      { added: without(input.scopes, p.scopes), removed: without(p.scopes, input.scopes) },
      changed,
    );
  });
}

/** Stops the vendor's access and keeps the grant; resuming restores it unchanged. */
export async function suspendPartnership(db: Db, scope: DecidingScope, actor: Actor, partnershipId: string): Promise<Partnership> {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, partnershipId);
    if (p.status === "SUSPENDED") return p;
    if (p.status !== "ACTIVE") throw new ConflictError("Only an active partnership can be suspended");
    return changePartnership(tx, actor, p, { status: "SUSPENDED" }, "partnership.suspended", {}, changed);
  });
}

export async function resumePartnership(db: Db, scope: DecidingScope, actor: Actor, partnershipId: string): Promise<Partnership> {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, partnershipId);
    if (p.status === "ACTIVE") return p;
    if (p.status !== "SUSPENDED") throw new ConflictError("Only a suspended partnership can be resumed; a revoked one needs a new request from the vendor");
    return changePartnership(tx, actor, p, { status: "ACTIVE" }, "partnership.resumed", {}, changed);
  });
}

/** Final: the vendor loses access at once and must send a new request. Safe to repeat. */
export async function revokePartnershipAccess(db: Db, scope: DecidingScope, actor: Actor, partnershipId: string): Promise<Partnership> {
  return partnershipTransaction(db, async (tx, changed) => {
    const p = await lockPartnership(tx, scope, partnershipId);
    if (p.status === "REVOKED") return p;
    await cancelOpenRequests(tx, p.id, actor);
    return changePartnership(tx, actor, p, { status: "REVOKED", closedAs: "revoked" }, "partnership.revoked", {}, changed);
  });
}
