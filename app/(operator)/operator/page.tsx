import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import { requireOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadDirectory } from "@/lib/tenancy/directory";
import { operatorScope } from "@/lib/tenancy/scope";

export const metadata: Metadata = { title: "Directory · Klau operations" };

export default async function OperatorPage() {
  await requireOperator();
  const { companies, vendors } = await loadDirectory(await getDb(), operatorScope());

  return (
    <div className="space-y-10">
      <PageHeader
        title="Directory"
        description={
          <>
            Every company, division and vendor on the platform. Manage vendors on the Vendors page; everything else with the operator CLI:{" "}
            <code className="font-mono text-[13px]">npm run klau -- --help</code>.
          </>
        }
      />

      <section aria-labelledby="companies-heading" className="space-y-3">
        <h2 id="companies-heading" className="text-base font-semibold text-zinc-900">
          Companies <span className="font-normal text-zinc-500">({companies.length})</span>
        </h2>
        <Table caption="Companies and divisions" head={["Name", "Type", "Tenant ID", "Members", "API keys"]}>
          {companies.length === 0 ? <EmptyRow columns={5}>No companies yet.</EmptyRow> : null}
          {companies.map((c) => (
            <tr key={c.id}>
              <Td className={c.parentName ? "pl-9" : "font-medium text-zinc-900"}>{c.name}</Td>
              <Td>{c.parentName ? <Badge>Division of {c.parentName}</Badge> : <Badge tone="indigo">Company</Badge>}</Td>
              <Td className="font-mono text-xs">{c.id}</Td>
              <Td className="tabular-nums">{c.members}</Td>
              <Td className="tabular-nums">{c.apiKeys}</Td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="vendors-heading" className="space-y-3">
        <h2 id="vendors-heading" className="text-base font-semibold text-zinc-900">
          Vendors <span className="font-normal text-zinc-500">({vendors.length})</span>
        </h2>
        <Table caption="Vendor accounts" head={["Name", "Vendor ID", "Users", "Partnerships"]}>
          {vendors.length === 0 ? <EmptyRow columns={4}>No vendors yet.</EmptyRow> : null}
          {vendors.map((v) => (
            <tr key={v.id}>
              <Td>
                <Link href={`/operator/vendors/${v.id}`} className={`rounded font-medium text-zinc-900 hover:underline ${focusRing}`}>
                  {v.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{v.id}</Td>
              <Td className="tabular-nums">{v.users}</Td>
              <Td className="tabular-nums">
                {v.activePartnerships} active <span className="text-zinc-500">of {v.partnerships}</span>
              </Td>
            </tr>
          ))}
        </Table>
      </section>
    </div>
  );
}
