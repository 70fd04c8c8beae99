"use client";

import { Pencil, RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { KeyRow } from "@/lib/keys/queries";
import { type ActiveKeyAction, actionsFor, type KeyAction, KeyActionDialogs } from "./key-action-dialogs";

const BUTTONS: Record<KeyAction, { label: string; icon: typeof Pencil; variant: "secondary" | "danger" }> = {
  edit: { label: "Edit", icon: Pencil, variant: "secondary" },
  roll: { label: "Roll", icon: RefreshCw, variant: "secondary" },
  revoke: { label: "Revoke", icon: Trash2, variant: "danger" },
};

/** The detail page's action buttons and their dialogs (the same dialogs as the list's row menu). */
export function KeyDetailActions({ tenantId, apiKey }: { tenantId: string; apiKey: KeyRow }) {
  const [active, setActive] = useState<ActiveKeyAction>(null);
  return (
    <>
      {actionsFor(apiKey).map((action) => {
        const { label, icon: Icon, variant } = BUTTONS[action];
        return (
          <Button key={action} variant={variant} onClick={() => setActive({ action, key: apiKey })}>
            <Icon aria-hidden="true" className="size-4" />
            {label}
          </Button>
        );
      })}
      <KeyActionDialogs tenantId={tenantId} active={active} onClose={() => setActive(null)} />
    </>
  );
}
