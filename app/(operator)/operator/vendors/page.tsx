import { Store } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Timestamp } from "@/components/partners/timestamp";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { operatorScope } from "@/lib/tenancy/scope";
import { listVendorAccounts } from "@/lib/keys/vendor-account";
import { CreateVendorDialog } from "../_components/create-vendor-dialog";

export const metadata: Metadata = { title: "Vendors · Klau operations" };

export default async function VendorsPage() {
  await requireOperator();
  const vendors = await listVendorAccounts(await getDb(), operatorScope());
  return (
    <div className="space-y-8">
      <PageHeader title="Vendors" description="Platform integrators: their users, keys and partnerships with haulers." actions={<CreateVendorDialog />} />
      {vendors.length === 0 ? (
        <EmptyState icon={Store} title="No vendor accounts yet">
          <p>Create one for each integrator; then add its users and keys.</p>
        </EmptyState>
      ) : (
        <Table caption="Vendor accounts" head={["Vendor", "Users", "Active keys", "Partnerships", "Created"]}>
          {vendors.map((v) => (
            <tr key={v.id}>
              <Td>
                <Link href={`/operator/vendors/${v.id}`} className={`rounded font-medium text-zinc-900 hover:underline ${focusRing}`}>
                  {v.name}
                </Link>
                <p className="font-mono text-xs text-zinc-500">{v.id}</p>
              </Td>
              <Td className="tabular-nums">{v.users}</Td>
              <Td className="tabular-nums">{v.keys}</Td>
              <Td className="tabular-nums">
                {v.activePartnerships} active <span className="text-zinc-500">of {v.partnerships}</span>
              </Td>
              <Td>
                <Timestamp at={v.createdAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
