import "server-only";
import { z } from "zod";
import { entityId, scopeList } from "./schemas";

/**
 * Inputs of the partnership request → review → grant flow, shared by the server actions and the CLI.
 */
const note = z.string().trim().max(500, "at most 500 characters").optional();

/** The id a company gives a vendor (its tenant id). Any text is accepted; an unknown one is NotFound. */
export const tenantIdInput = z.string().trim().min(1, "enter the tenant ID the company gave you").max(100);

export const requestPartnershipInput = z.object({ companyId: tenantIdInput, scopes: scopeList, note });
export type RequestPartnershipInput = z.output<typeof requestPartnershipInput>;

export const requestMoreScopesInput = z.object({ partnershipId: entityId, scopes: scopeList, note });
export type RequestMoreScopesInput = z.output<typeof requestMoreScopesInput>;

export const requestIdInput = z.object({ requestId: entityId });
export const partnershipIdInput = z.object({ partnershipId: entityId });

export const approveRequestInput = z.object({ requestId: entityId, scopes: scopeList });
export type ApproveRequestInput = z.output<typeof approveRequestInput>;

export const denyRequestInput = z.object({
  requestId: entityId,
  reason: z.string().trim().min(1, "tell the vendor why").max(500, "at most 500 characters"),
});
export type DenyRequestInput = z.output<typeof denyRequestInput>;

export const editGrantInput = z.object({ partnershipId: entityId, scopes: scopeList });
export type EditGrantInput = z.output<typeof editGrantInput>;
