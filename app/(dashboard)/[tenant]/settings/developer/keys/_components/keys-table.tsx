"use client";

import Link from "next/link";
import { KeyStatusBadge } from "@/components/keys/key-status-badge";
import { MaskedKey } from "@/components/keys/masked-key";
import { ScopesLabel } from "@/components/keys/scopes-label";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyRow } from "@/lib/keys/queries";
import type { KeyAction } from "./key-action-dialogs";
import { Expires, LastUsed, RollLink } from "./key-cells";
import { KeyRowMenu } from "./key-row-menu";
import { KeyUsageCell } from "./key-usage-cell";

const TH = "px-3 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-zinc-600";
const TD = "px-3 py-3 align-top text-sm text-zinc-700";
/** Columns that give way on phones (the detail page shows them). */
const WIDE = "hidden lg:table-cell";

export function KeysTable({
  rows,
  basePath,
  showCompany,
  canManage,
  onAction,
  busy,
}: {
  rows: KeyRow[];
  basePath: string;
  showCompany: boolean;
  canManage: boolean;
  onAction: (action: KeyAction, key: KeyRow) => void;
  busy: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-xs">
      <table className={cn("min-w-full divide-y divide-zinc-200", busy && "opacity-60")} aria-busy={busy}>
        <caption className="sr-only">API keys</caption>
        <thead className="bg-zinc-50">
          <tr>
            <th scope="col" className={TH}>
              Name
            </th>
            <th scope="col" className={cn(TH, "hidden sm:table-cell")}>
              Key
            </th>
            {showCompany ? (
              <th scope="col" className={cn(TH, "hidden md:table-cell")}>
                Division
              </th>
            ) : null}
            <th scope="col" className={cn(TH, "hidden md:table-cell")}>
              Scopes
            </th>
            <th scope="col" className={cn(TH, WIDE)}>
              Created
            </th>
            <th scope="col" className={TH}>
              Last used
            </th>
            <th scope="col" className={cn(TH, "hidden md:table-cell")}>
              Requests, 30 days
            </th>
            <th scope="col" className={cn(TH, "hidden sm:table-cell")}>
              Expires
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={TH}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((key) => (
            <tr key={key.id} data-testid="key-row">
              <td className={cn(TD, "max-w-72")}>
                <Link href={`${basePath}/${key.id}`} className={cn("font-medium break-words text-zinc-900 hover:underline", focusRing)}>
                  {key.name}
                </Link>
                {key.description ? <p className="mt-0.5 line-clamp-2 text-xs text-zinc-600">{key.description}</p> : null}
                <RollLink apiKey={key} />
              </td>
              <td className={cn(TD, "hidden sm:table-cell")}>
                <MaskedKey keyRef={key} />
              </td>
              {showCompany ? <td className={cn(TD, "hidden md:table-cell")}>{key.company.name}</td> : null}
              <td className={cn(TD, "hidden md:table-cell")}>
                <ScopesLabel scopes={key.scopes} />
              </td>
              <td className={cn(TD, WIDE, "whitespace-nowrap")}>
                <RelativeTime date={key.createdAt} />
                <p className="text-xs text-zinc-600">{key.createdBy ? `by ${key.createdBy.name}` : "by the operator CLI"}</p>
              </td>
              <td className={cn(TD, "whitespace-nowrap")}>
                <LastUsed at={key.lastUsedAt} />
              </td>
              <td className={cn(TD, "hidden md:table-cell")}>
                <KeyUsageCell usage={key.usage} />
              </td>
              <td className={cn(TD, "hidden whitespace-nowrap sm:table-cell")}>
                <Expires apiKey={key} />
              </td>
              <td className={TD}>
                <KeyStatusBadge status={key.status} />
              </td>
              <td className={cn(TD, "w-10 py-2 text-right")}>
                <KeyRowMenu detailHref={`${basePath}/${key.id}`} apiKey={key} canManage={canManage} onAction={(action) => onAction(action, key)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
