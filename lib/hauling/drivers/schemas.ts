import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Driver as DriverRow } from "@/lib/generated/prisma/client";
import { ActiveStatus } from "@/lib/generated/prisma/enums";
import { iso, nameField, nonEmpty, nonEmptyMessage, optionalEmail, optionalText, timestamps, uuidOut } from "../shared/fields";

export const activeStatus = z.enum(ActiveStatus).meta({ id: "ActiveStatus", description: "INACTIVE drivers and trucks cannot be dispatched" });

export const driverSchema = z
  .object({
    id: uuidOut,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    licenseNumber: z.string().nullable(),
    status: activeStatus,
    ...timestamps,
  })
  .meta({ id: "Driver" });
export type Driver = z.infer<typeof driverSchema>;

const fields = {
  name: nameField,
  email: optionalEmail,
  phone: optionalText(50),
  licenseNumber: optionalText(50),
  status: activeStatus.optional(),
};

export const createDriverBody = z.strictObject(fields).meta({ id: "DriverCreate" });
export type CreateDriverBody = z.infer<typeof createDriverBody>;

export const updateDriverBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "DriverUpdate" });
export type UpdateDriverBody = z.infer<typeof updateDriverBody>;

export const listDriversQuery = listQuery.extend({ status: activeStatus.optional() });
export type ListDriversQuery = z.infer<typeof listDriversQuery>;

export function toDriver(row: DriverRow): Driver {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    licenseNumber: row.licenseNumber,
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
