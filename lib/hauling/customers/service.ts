import "server-only";
import { NotFoundError } from "@/lib/errors";
import { afterCursor, type Page, pageOrder, toPage } from "../shared/cursor";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowWriteError } from "../shared/prisma-errors";
import { ownedBy } from "../shared/tenant";
import { type CreateCustomerBody, type Customer, type ListCustomersQuery, toCustomer, type UpdateCustomerBody } from "./schemas";

const LABEL = "Customer";

export async function listCustomers(db: HaulingDb, tenantId: string, query: ListCustomersQuery): Promise<Page<Customer>> {
  const rows = await db.customer.findMany({
    where: { AND: [ownedBy(tenantId), afterCursor(query.cursor)] },
    orderBy: [...pageOrder],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toCustomer);
}

export async function getCustomer(db: HaulingDb, tenantId: string, id: string): Promise<Customer> {
  const row = looksLikeId(id) ? await db.customer.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toCustomer(row);
}

export async function createCustomer(db: HaulingDb, tenantId: string, body: CreateCustomerBody): Promise<Customer> {
  const row = await db.customer.create({ data: ownedBy(tenantId, body) });
  return toCustomer(row);
}

export async function updateCustomer(db: HaulingDb, tenantId: string, id: string, body: UpdateCustomerBody): Promise<Customer> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  const row = await db.customer.update({ where: ownedBy(tenantId, { id }), data: body }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return toCustomer(row);
}

export async function deleteCustomer(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.customer.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
