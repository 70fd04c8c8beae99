import { z } from "zod";
import { isScope } from "@/lib/scopes/catalog";

/**
 * Input schemas shared by the operator CLI and the web forms, so both accept exactly the same values.
 */
export const entityId = z.string().trim().min(1, "must not be empty").max(100);
export const displayName = z.string().trim().min(1, "must not be empty").max(200);

/** Scope names from the catalog (wildcards included); duplicates are dropped, order kept. */
export const scopeList = z
  .array(z.string().trim())
  .min(1, "needs at least one scope")
  .superRefine((scopes, ctx) => {
    for (const scope of scopes) {
      if (!isScope(scope)) ctx.addIssue({ code: "custom", message: `unknown scope "${scope}"` });
    }
  })
  .transform((scopes) => [...new Set(scopes)]);

export const createCompanyInput = z.object({ name: displayName, parentId: entityId.optional() });
export type CreateCompanyInput = z.output<typeof createCompanyInput>;

export const createVendorInput = z.object({ name: displayName });
export type CreateVendorInput = z.output<typeof createVendorInput>;

export const PARTNERSHIP_STATUSES = ["pending", "active", "suspended", "revoked"] as const;
export type PartnershipStatusName = (typeof PARTNERSHIP_STATUSES)[number];
export const partnershipStatus = z.enum(PARTNERSHIP_STATUSES);

export const createPartnershipInput = z.object({
  vendorId: entityId,
  companyId: entityId,
  scopes: scopeList,
  // A new partnership is either proposed or live; suspending and revoking are updates.
  status: z.enum(["active", "pending"]).default("active"),
});
export type CreatePartnershipInput = z.output<typeof createPartnershipInput>;

export const updatePartnershipInput = z
  .object({ status: partnershipStatus.optional(), scopes: scopeList.optional() })
  .refine((v) => v.status !== undefined || v.scopes !== undefined, { message: "nothing to update: give a status or scopes" });
export type UpdatePartnershipInput = z.output<typeof updatePartnershipInput>;
