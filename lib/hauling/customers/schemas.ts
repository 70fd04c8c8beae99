import { z } from "zod";
import { listQuery } from "../shared/cursor";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import { iso, nameField, nonEmpty, nonEmptyMessage, optionalEmail, optionalText, timestamps, uuidOut } from "../shared/fields";

export const customerSchema = z
  .object({
    id: uuidOut,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    ...timestamps,
  })
  .meta({ id: "Customer" });
export type Customer = z.infer<typeof customerSchema>;

const fields = { name: nameField, email: optionalEmail, phone: optionalText(50) };

export const createCustomerBody = z.strictObject(fields).meta({ id: "CustomerCreate" });
export type CreateCustomerBody = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z.strictObject(fields).partial().refine(nonEmpty, nonEmptyMessage).meta({ id: "CustomerUpdate" });
export type UpdateCustomerBody = z.infer<typeof updateCustomerBody>;

export const listCustomersQuery = listQuery;
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;

export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
