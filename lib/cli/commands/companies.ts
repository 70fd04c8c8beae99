import "server-only";
import { z } from "zod";
import { createCompanyInput, displayName, entityId } from "@/lib/tenancy/schemas";
import { defineCommand } from "../define-command";

// Domain modules are imported when a command runs: `--help` and bad arguments stay fast.
const companies = () => import("@/lib/tenancy/companies");

export const companiesCreate = defineCommand({
  name: "companies create",
  summary: "Create a company, or a division of one with --parent",
  usage: "--name NAME [--parent COMPANY_ID]",
  options: { name: "string", parent: "string" },
  input: z
    .object({ name: displayName, parent: entityId.optional() })
    .transform((f): z.input<typeof createCompanyInput> => ({ name: f.name, parentId: f.parent }))
    .pipe(createCompanyInput),
  run: async ({ db, scope, actor }, input) => (await companies()).createCompany(db, scope, actor, input),
});

export const companiesList = defineCommand({
  name: "companies list",
  summary: "List companies and divisions (only the divisions of --parent when given)",
  usage: "[--parent COMPANY_ID]",
  options: { parent: "string" },
  input: z.object({ parent: entityId.optional() }),
  run: async ({ db, scope }, input) => (await companies()).listCompanies(db, scope, { parentId: input.parent }),
});
