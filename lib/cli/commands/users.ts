import "server-only";
import { z } from "zod";
import { displayName, entityId } from "@/lib/tenancy/schemas";
import { createUserInput, email, MEMBERSHIP_ROLES, membershipRole, password, type UserAccount } from "@/lib/users/schemas";
import { defineCommand } from "../define-command";
import { atMostOne, exactlyOne } from "../flags";

const users = () => import("@/lib/users/service");

const createFlags = z
  .object({
    email,
    password,
    name: displayName.optional(),
    company: entityId.optional(),
    role: membershipRole.optional(),
    vendor: entityId.optional(),
    operator: z.boolean().optional(),
  })
  .refine(...exactlyOne(["company", "vendor", "operator"]))
  .refine((f) => f.company === undefined || f.role !== undefined, {
    message: `--role (${MEMBERSHIP_ROLES.join("|")}) is required with --company`,
  })
  .refine((f) => f.role === undefined || f.company !== undefined, { message: "--role only applies with --company" });

// Flags are fully validated above, so piping into the shared schema cannot fail on a field.
function account(f: z.output<typeof createFlags>): UserAccount {
  if (f.company !== undefined && f.role !== undefined) return { kind: "company", companyId: f.company, role: f.role };
  if (f.vendor !== undefined) return { kind: "vendor", vendorId: f.vendor };
  return { kind: "operator" };
}

export const usersCreate = defineCommand({
  name: "users create",
  summary: "Create a user: company user with a role, vendor user, or platform operator",
  // --password-stdin never reaches the command: the CLI process turns it into --password (lib/cli/stdin-password.ts).
  usage: `--email EMAIL (--password-stdin | --password PASSWORD) [--name NAME] (--company ID --role ${MEMBERSHIP_ROLES.join("|")} | --vendor ID | --operator)`,
  options: { email: "string", password: "string", name: "string", company: "string", role: "string", vendor: "string", operator: "boolean" },
  input: createFlags
    .transform((f): z.input<typeof createUserInput> => ({ email: f.email, password: f.password, name: f.name, account: account(f) }))
    .pipe(createUserInput),
  run: async ({ db, scope, actor }, input) => (await users()).createUser(db, scope, actor, input),
});

export const usersList = defineCommand({
  name: "users list",
  summary: "List users (of one company, one vendor, or the operators)",
  usage: "[--company ID | --vendor ID | --operators]",
  options: { company: "string", vendor: "string", operators: "boolean" },
  input: z
    .object({ company: entityId.optional(), vendor: entityId.optional(), operators: z.boolean().optional() })
    .refine(...atMostOne(["company", "vendor", "operators"])),
  run: async ({ db, scope }, f) => (await users()).listUsers(db, scope, { companyId: f.company, vendorId: f.vendor, operators: f.operators }),
});
