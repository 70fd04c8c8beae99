import "server-only";
import { z } from "zod";
import { createVendorInput } from "@/lib/tenancy/schemas";
import { defineCommand } from "../define-command";

const vendors = () => import("@/lib/tenancy/vendors");

export const vendorsCreate = defineCommand({
  name: "vendors create",
  summary: "Create a vendor account (a platform integrator)",
  usage: "--name NAME",
  options: { name: "string" },
  input: createVendorInput,
  run: async ({ db, scope, actor }, input) => (await vendors()).createVendor(db, scope, actor, input),
});

export const vendorsList = defineCommand({
  name: "vendors list",
  summary: "List vendor accounts",
  usage: "",
  options: {},
  input: z.object({}),
  run: async ({ db, scope }) => (await vendors()).listVendors(db, scope),
});
