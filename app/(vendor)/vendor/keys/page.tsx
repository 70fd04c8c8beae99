import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { ScopeBadges } from "@/components/partners/scope-badges";
import { Timestamp } from "@/components/partners/timestamp";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { type KeyStatus, listKeys } from "@/lib/keys/service";
import { vendorScope } from "@/lib/tenancy/scope";
import { RevokeVendorKey } from "../_components/revoke-vendor-key";

export const metadata: Metadata = { title: "Vendor keys · Klau" };

const TONE: Record<KeyStatus, BadgeTone> = { active: "green", expiring: "amber", retiring: "indigo", expired: "amber", revoked: "neutral" };

export default async function VendorKeysPage() {
  const { vendor } = await requireVendorUser();
  const keys = await listKeys(await getDb(), vendorScope(vendor.id));

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={vendor.name}
        title="Keys"
        description="Your vendor keys. A platform operator issues them; revoke one here at once if it leaks. A key acts for a hauler only within the scopes that hauler granted."
      />
      {keys.length === 0 ? (
        <EmptyState icon={KeyRound} title="No keys yet">
          <p>Ask a platform operator for a vendor key. It is shown to them once, for you.</p>
        </EmptyState>
      ) : (
        <Table caption={`Keys of ${vendor.name}`} head={["Name", "Key", "Scopes", "Last used", "Expires", "Status", "Actions"]}>
          {keys.map((k) => (
            <tr key={k.id}>
              <Td className="font-medium text-zinc-900">{k.name}</Td>
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
                <Badge tone={TONE[k.status]}>{k.status.charAt(0).toUpperCase() + k.status.slice(1)}</Badge>
              </Td>
              <Td>{k.status === "active" ? <RevokeVendorKey keyId={k.id} name={k.name} /> : null}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
