import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnershipsTable } from "@/components/partners/partnerships-table";
import { ScopeBadges } from "@/components/partners/scope-badges";
import { Timestamp } from "@/components/partners/timestamp";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import { requireOperator } from "@/lib/auth/session";
import type { KeyStatus } from "@/lib/keys/status";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { operatorScope } from "@/lib/tenancy/scope";
import { getVendorAccount, type VendorAccount } from "@/lib/keys/vendor-account";
import { CreateVendorUserDialog } from "../../_components/create-vendor-user-dialog";
import { EmergencyRevokeButton, RevokeKeyButton } from "../../_components/operator-buttons";
import { VendorKeyRollLink } from "../../_components/vendor-key-roll-link";
import { CreateVendorKeyDialog, RollVendorKey } from "../../_components/vendor-key-dialogs";

const STATUS_TONE: Record<KeyStatus, BadgeTone> = { active: "green", expiring: "amber", retiring: "amber", expired: "neutral", revoked: "neutral" };

export const metadata: Metadata = { title: "Vendor · Klau operations" };

export default async function VendorAccountPage({ params }: { params: Promise<{ id: string }> }) {
  await requireOperator();
  const { id } = await params;
  let vendor: VendorAccount;
  try {
    vendor = await getVendorAccount(await getDb(), operatorScope(), id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }

  return (
    <div className="space-y-10">
      <PageHeader eyebrow="Vendors" title={vendor.name} description={<span className="font-mono text-xs">Vendor ID {vendor.id}</span>} />

      <section aria-labelledby="users-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="users-heading" className="text-base font-semibold text-zinc-900">
            Users <span className="font-normal text-zinc-500">({vendor.users.length})</span>
          </h2>
          <CreateVendorUserDialog vendorId={vendor.id} vendorName={vendor.name} />
        </div>
        <Table caption={`Users of ${vendor.name}`} head={["Name", "Email", "Added"]}>
          {vendor.users.length === 0 ? <EmptyRow columns={3}>No users yet.</EmptyRow> : null}
          {vendor.users.map((u) => (
            <tr key={u.id}>
              <Td className="font-medium text-zinc-900">{u.name}</Td>
              <Td>{u.email}</Td>
              <Td>
                <Timestamp at={u.createdAt} />
              </Td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="keys-heading" className="text-base font-semibold text-zinc-900">
            Keys <span className="font-normal text-zinc-500">({vendor.keys.length})</span>
          </h2>
          <CreateVendorKeyDialog vendorId={vendor.id} vendorName={vendor.name} />
        </div>
        <Table caption={`Keys of ${vendor.name}`} head={["Name", "Key", "Scopes", "Last used", "Expires", "Status", "Actions"]}>
          {vendor.keys.length === 0 ? <EmptyRow columns={7}>No keys yet.</EmptyRow> : null}
          {vendor.keys.map((k) => (
            <tr key={k.id}>
              <Td className="font-medium text-zinc-900">
                {k.name}
                <VendorKeyRollLink apiKey={k} keys={vendor.keys} />
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs">
                {k.prefix}…{k.last4}
              </Td>
              <Td>
                <ScopeBadges scopes={k.scopes} label={`Scopes of ${k.name}`} />
              </Td>
              <Td>
                <Timestamp at={k.lastUsedAt} />
              </Td>
              <Td>
                <Timestamp at={k.expiresAt} empty="Never" />
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[k.status]}>{k.status}</Badge>
              </Td>
              <Td>
                {k.status === "revoked" || k.status === "expired" ? null : (
                  <div className="flex flex-wrap gap-2">
                    {k.replacedById ? null : <RollVendorKey keyId={k.id} name={k.name} vendorName={vendor.name} />}
                    <RevokeKeyButton keyId={k.id} name={k.name} vendorName={vendor.name} />
                  </div>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="partnerships-heading" className="space-y-3">
        <h2 id="partnerships-heading" className="text-base font-semibold text-zinc-900">
          Partnerships <span className="font-normal text-zinc-500">({vendor.partnerships.length})</span>
        </h2>
        <PartnershipsTable
          caption={`Partnerships of ${vendor.name}`}
          partnerships={vendor.partnerships}
          action={(p) =>
            p.state === "active" || p.state === "suspended" || p.state === "pending" ? (
              <EmergencyRevokeButton partnershipId={p.id} vendorName={p.vendor.name} companyName={p.company.name} />
            ) : null
          }
        />
      </section>
    </div>
  );
}
