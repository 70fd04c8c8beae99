import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Site as SiteRow } from "@/lib/generated/prisma/client";
import { addressField, iso, nameField, nonEmpty, nonEmptyMessage, timestamps, uuidOut } from "../shared/fields";
import { idFilter, idRef } from "../shared/ids";

export const siteSchema = z
  .object({
    id: uuidOut,
    customerId: uuidOut.nullable(),
    name: z.string(),
    address: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    ...timestamps,
  })
  .meta({ id: "Site", description: "A place where work is done (a customer's job site)" });
export type Site = z.infer<typeof siteSchema>;

const fields = {
  customerId: idRef.nullable().optional(),
  name: nameField,
  address: addressField,
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
};

export const createSiteBody = z.strictObject(fields).meta({
  id: "SiteCreate",
  example: { name: "Riverside Apartments", address: "120 Canal Rd", latitude: 40.7, longitude: -74.0 },
});
export type CreateSiteBody = z.infer<typeof createSiteBody>;

export const updateSiteBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "SiteUpdate" });
export type UpdateSiteBody = z.infer<typeof updateSiteBody>;

export const listSitesQuery = listQuery.extend({
  customerId: idFilter.optional().meta({ description: "Only sites of this customer" }),
});
export type ListSitesQuery = z.infer<typeof listSitesQuery>;

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
