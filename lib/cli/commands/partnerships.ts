import "server-only";
import { z } from "zod";
import { createPartnershipInput, entityId, partnershipStatus, updatePartnershipInput } from "@/lib/tenancy/schemas";
import { operatorScope } from "@/lib/tenancy/scope";
import { defineCommand } from "../define-command";
import { csvScopes } from "../flags";

const partnerships = () => import("@/lib/tenancy/partnerships");
const partnershipId = [{ name: "id", label: "PARTNERSHIP_ID" }] as const;

export const partnershipsCreate = defineCommand({
  name: "partnerships create",
  summary: "Grant a vendor access to a company/division with these scopes (default status: active)",
  usage: "--vendor ID --company ID --scopes s1,s2 [--status active|pending]",
  options: { vendor: "string", company: "string", scopes: "string", status: "string" },
  input: z
    .object({ vendor: entityId, company: entityId, scopes: csvScopes, status: z.enum(["active", "pending"]).optional() })
    .transform((f): z.input<typeof createPartnershipInput> => ({ vendorId: f.vendor, companyId: f.company, scopes: f.scopes, status: f.status }))
    .pipe(createPartnershipInput),
  run: async ({ db, scope, actor }, input) => (await partnerships()).createPartnership(db, scope, actor, input),
});

export const partnershipsList = defineCommand({
  name: "partnerships list",
  summary: "List partnerships (of one vendor and/or one company)",
  usage: "[--vendor ID] [--company ID]",
  options: { vendor: "string", company: "string" },
  input: z.object({ vendor: entityId.optional(), company: entityId.optional() }),
  run: async ({ db, scope }, f) => (await partnerships()).listPartnerships(db, scope, { vendorId: f.vendor, companyId: f.company }),
});

export const partnershipsUpdate = defineCommand({
  name: "partnerships update",
  summary: "Change a partnership's status and/or granted scopes",
  usage: "PARTNERSHIP_ID [--status pending|active|suspended|revoked] [--scopes s1,s2]",
  options: { status: "string", scopes: "string" },
  positionals: partnershipId,
  input: z
    .object({ id: entityId, status: partnershipStatus.optional(), scopes: csvScopes.optional() })
    .refine((f) => f.status !== undefined || f.scopes !== undefined, { message: "give --status and/or --scopes" }),
  run: async ({ db, scope, actor }, { id, ...changes }) =>
    (await partnerships()).updatePartnership(db, scope, actor, id, updatePartnershipInput.parse(changes)),
});

export const partnershipsRevoke = defineCommand({
  name: "partnerships revoke",
  summary: "Revoke a partnership for good; the vendor must request again (safe to repeat)",
  usage: "PARTNERSHIP_ID",
  options: {},
  positionals: partnershipId,
  input: z.object({ id: entityId }),
  run: async ({ db, actor }, input) =>
    (await partnerships()).toPartnershipView(
      await (await import("@/lib/tenancy/partnership-decisions")).revokePartnershipAccess(db, operatorScope(), actor, input.id),
    ),
});
