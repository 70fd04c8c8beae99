"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Ellipsis, Eye, Pencil, RefreshCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import type { KeyRow } from "@/lib/keys/queries";
import { actionsFor, type KeyAction } from "./key-action-dialogs";

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-700 outline-none data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900";

const LABELS: Record<KeyAction, { label: string; icon: typeof Pencil; danger?: boolean }> = {
  edit: { label: "Edit", icon: Pencil },
  roll: { label: "Roll…", icon: RefreshCw },
  revoke: { label: "Revoke…", icon: Trash2, danger: true },
};

/** The row's actions in a labelled menu; choosing one opens its dialog outside the menu. */
export function KeyRowMenu({
  detailHref,
  apiKey,
  canManage,
  onAction,
}: {
  detailHref: string;
  apiKey: KeyRow;
  canManage: boolean;
  onAction: (action: KeyAction) => void;
}) {
  const actions = canManage ? actionsFor(apiKey) : [];
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Actions for ${apiKey.name}`}
        data-testid="key-row-menu"
        className={cn("rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100", focusRing)}
      >
        <Ellipsis aria-hidden="true" className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item asChild>
            <Link href={detailHref} className={ITEM}>
              <Eye aria-hidden="true" className="size-4" />
              View details
            </Link>
          </DropdownMenu.Item>
          {actions.map((action) => {
            const { label, icon: Icon, danger } = LABELS[action];
            return (
              <DropdownMenu.Item key={action} onSelect={() => onAction(action)} className={cn(ITEM, danger && "text-red-700 data-highlighted:text-red-800")}>
                <Icon aria-hidden="true" className="size-4" />
                {label}
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
