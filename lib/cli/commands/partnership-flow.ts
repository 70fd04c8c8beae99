import "server-only";
import { z } from "zod";
import { approveRequestInput, denyRequestInput, editGrantInput, requestMoreScopesInput, requestPartnershipInput } from "@/lib/tenancy/partnership-schemas";
import { entityId } from "@/lib/tenancy/schemas";
import { operatorScope, vendorScope } from "@/lib/tenancy/scope";
import { defineCommand } from "../define-command";
import { csvScopes } from "../flags";

/**
 * The request → review → grant flow from the CLI: the same functions as the vendor and company
 * pages. The operator acts for a vendor with `--vendor`; decisions use the operator scope.
 */
const requests = () => import("@/lib/tenancy/partnership-requests");
const decisions = () => import("@/lib/tenancy/partnership-decisions");
const views = () => import("@/lib/tenancy/partnership-views");
const plain = () => import("@/lib/tenancy/partnerships");
const requestId = [{ name: "requestId", label: "REQUEST_ID" }] as const;
const partnershipId = [{ name: "partnershipId", label: "PARTNERSHIP_ID" }] as const;

export const partnershipsRequest = defineCommand({
  name: "partnerships request",
  summary: "Request scopes for a vendor: a new partnership with --company, more scopes with --partnership",
  usage: "--vendor ID (--company ID | --partnership ID) --scopes s1,s2 [--note TEXT]",
  options: { vendor: "string", company: "string", partnership: "string", scopes: "string", note: "string" },
  input: z
    .object({ vendor: entityId, company: entityId.optional(), partnership: entityId.optional(), scopes: csvScopes, note: z.string().optional() })
    .refine((f) => (f.company === undefined) !== (f.partnership === undefined), { message: "give exactly one of --company or --partnership" }),
  run: async ({ db, actor }, f) => {
    const { requestPartnership, requestMoreScopes } = await requests();
    const { toRequestView } = await views();
    const scope = vendorScope(f.vendor);
    const request = f.partnership
      ? await requestMoreScopes(db, scope, actor, requestMoreScopesInput.parse({ partnershipId: f.partnership, scopes: f.scopes, note: f.note }))
      : await requestPartnership(db, scope, actor, requestPartnershipInput.parse({ companyId: f.company, scopes: f.scopes, note: f.note }));
    return toRequestView(request);
  },
});

export const partnershipsWithdraw = defineCommand({
  name: "partnerships withdraw",
  summary: "Withdraw a vendor's pending request",
  usage: "REQUEST_ID --vendor ID",
  options: { vendor: "string" },
  positionals: requestId,
  input: z.object({ requestId: entityId, vendor: entityId }),
  run: async ({ db, actor }, f) => (await views()).toRequestView(await (await requests()).withdrawRequest(db, vendorScope(f.vendor), actor, f.requestId)),
});

export const partnershipsRequests = defineCommand({
  name: "partnerships requests",
  summary: "List pending requests (of one company, or all)",
  usage: "[--company ID]",
  options: { company: "string" },
  input: z.object({ company: entityId.optional() }),
  run: async ({ db }, f) => {
    const { listPartnershipSummaries } = await views();
    const all = await listPartnershipSummaries(db, operatorScope(), { companyId: f.company });
    return all.flatMap((p) => (p.openRequest ? [{ ...p.openRequest, vendor: p.vendor, company: p.company, grantedScopes: p.grantedScopes }] : []));
  },
});

export const partnershipsApprove = defineCommand({
  name: "partnerships approve",
  summary: "Grant all or some of a pending request's scopes (added to the current grant)",
  usage: "REQUEST_ID --scopes s1,s2",
  options: { scopes: "string" },
  positionals: requestId,
  input: z.object({ requestId: entityId, scopes: csvScopes }).pipe(approveRequestInput),
  run: async ({ db, actor }, input) => (await views()).toRequestView(await (await decisions()).approveRequest(db, operatorScope(), actor, input)),
});

export const partnershipsDeny = defineCommand({
  name: "partnerships deny",
  summary: "Deny a pending request with a reason the vendor sees",
  usage: "REQUEST_ID --reason TEXT",
  options: { reason: "string" },
  positionals: requestId,
  input: z.object({ requestId: entityId, reason: z.string().optional() }).pipe(denyRequestInput),
  run: async ({ db, actor }, input) => (await views()).toRequestView(await (await decisions()).denyRequest(db, operatorScope(), actor, input)),
});

export const partnershipsGrant = defineCommand({
  name: "partnerships grant",
  summary: "Replace the scopes granted on an active or suspended partnership",
  usage: "PARTNERSHIP_ID --scopes s1,s2",
  options: { scopes: "string" },
  positionals: partnershipId,
  input: z.object({ partnershipId: entityId, scopes: csvScopes }).pipe(editGrantInput),
  run: async ({ db, actor }, input) => (await plain()).toPartnershipView(await (await decisions()).editGrant(db, operatorScope(), actor, input)),
});

export const partnershipsSuspend = defineCommand({
  name: "partnerships suspend",
  summary: "Stop a vendor's access for now, keeping the grant",
  usage: "PARTNERSHIP_ID",
  options: {},
  positionals: partnershipId,
  input: z.object({ partnershipId: entityId }),
  run: async ({ db, actor }, f) => (await plain()).toPartnershipView(await (await decisions()).suspendPartnership(db, operatorScope(), actor, f.partnershipId)),
});

export const partnershipsResume = defineCommand({
  name: "partnerships resume",
  summary: "Resume a suspended partnership with the same grant",
  usage: "PARTNERSHIP_ID",
  options: {},
  positionals: partnershipId,
  input: z.object({ partnershipId: entityId }),
  run: async ({ db, actor }, f) => (await plain()).toPartnershipView(await (await decisions()).resumePartnership(db, operatorScope(), actor, f.partnershipId)),
});

export const partnershipsEnd = defineCommand({
  name: "partnerships end",
  summary: "End a partnership for its vendor (final, like a revocation)",
  usage: "PARTNERSHIP_ID --vendor ID",
  options: { vendor: "string" },
  positionals: partnershipId,
  input: z.object({ partnershipId: entityId, vendor: entityId }),
  run: async ({ db, actor }, f) =>
    (await plain()).toPartnershipView(await (await requests()).endPartnership(db, vendorScope(f.vendor), actor, f.partnershipId)),
});

export const partnershipsShow = defineCommand({
  name: "partnerships show",
  summary: "A partnership with its requests and history",
  usage: "PARTNERSHIP_ID",
  options: {},
  positionals: partnershipId,
  input: z.object({ partnershipId: entityId }),
  run: async ({ db }, f) => (await views()).getPartnershipDetail(db, operatorScope(), f.partnershipId),
});
