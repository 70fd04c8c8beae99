import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, Vendor } from "@/lib/generated/prisma/client";
import type { CreateVendorInput } from "./schemas";
import type { OperatorScope } from "./scope";

export type VendorView = { id: string; name: string; createdAt: Date };

function toVendorView(v: Vendor): VendorView {
  return { id: v.id, name: v.name, createdAt: v.createdAt };
}

export async function getVendorOrThrow(db: Prisma.TransactionClient, id: string): Promise<Vendor> {
  const vendor = await db.vendor.findUnique({ where: { id } });
  if (!vendor) throw new NotFoundError("Vendor");
  return vendor;
}

/** Vendor accounts are created by the platform operator only. */
export async function createVendor(db: Db, _scope: OperatorScope, actor: Actor, input: CreateVendorInput): Promise<VendorView> {
  const vendor = await db.$transaction(async (tx) => {
    const created = await tx.vendor.create({ data: { name: input.name } });
    await recordAudit(tx, {
      actor,
      action: "vendor.created",
      target: { type: "vendor", id: created.id },
      vendorId: created.id,
      metadata: { name: created.name },
    });
    return created;
  });
  return toVendorView(vendor);
}

export async function listVendors(db: Db, _scope: OperatorScope): Promise<VendorView[]> {
  const vendors = await db.vendor.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return vendors.map(toVendorView);
}
