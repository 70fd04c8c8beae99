import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { DumpSite as DumpSiteRow } from "@/lib/generated/prisma/client";
import { addressField, iso, nameField, nonEmpty, nonEmptyMessage, timestamps, uuidOut } from "../shared/fields";

export const dumpSiteSchema = z
  .object({ id: uuidOut, name: z.string(), address: z.string(), ...timestamps })
  .meta({ id: "DumpSite", description: "A landfill or transfer station where loads are dumped" });
export type DumpSite = z.infer<typeof dumpSiteSchema>;

const fields = { name: nameField, address: addressField };

export const createDumpSiteBody = z.strictObject(fields).meta({ id: "DumpSiteCreate" });
export type CreateDumpSiteBody = z.infer<typeof createDumpSiteBody>;

export const updateDumpSiteBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "DumpSiteUpdate" });
export type UpdateDumpSiteBody = z.infer<typeof updateDumpSiteBody>;

export const listDumpSitesQuery = listQuery;
export type ListDumpSitesQuery = z.infer<typeof listDumpSitesQuery>;

export function toDumpSite(row: DumpSiteRow): DumpSite {
  return { id: row.id, name: row.name, address: row.address, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}
