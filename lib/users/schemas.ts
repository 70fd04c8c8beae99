import "server-only";
import { z } from "zod";
import { displayName, entityId } from "@/lib/tenancy/schemas";

export const MEMBERSHIP_ROLES = ["corporate", "admin", "member"] as const;
export type MembershipRoleName = (typeof MEMBERSHIP_ROLES)[number];
export const membershipRole = z.enum(MEMBERSHIP_ROLES);

export const MIN_PASSWORD_LENGTH = 8;
// bcrypt only reads the first 72 bytes; longer passwords would silently be truncated.
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine((p) => Buffer.byteLength(p, "utf8") <= 72, "must be at most 72 bytes");

export const email = z.string().trim().toLowerCase().pipe(z.email("must be a valid email address"));

/** What the user belongs to: a company/division with a role, a vendor account, or the platform. */
export const userAccount = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("company"), companyId: entityId, role: membershipRole }),
  z.object({ kind: z.literal("vendor"), vendorId: entityId }),
  z.object({ kind: z.literal("operator") }),
]);
export type UserAccount = z.output<typeof userAccount>;

export const createUserInput = z.object({
  email,
  password,
  name: displayName.optional(),
  account: userAccount,
});
export type CreateUserInput = z.output<typeof createUserInput>;
