"use client";

import type { KeyRow } from "@/lib/keys/queries";
import { EditKeyDialog } from "./edit-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import { useRefreshKeys } from "./use-keys";

export type KeyAction = "edit" | "roll" | "revoke";
export type ActiveKeyAction = { action: KeyAction; key: KeyRow } | null;

/** The dialog of the chosen row action, rendered outside any menu so closing the menu cannot unmount it. */
export function KeyActionDialogs({ tenantId, active, onClose }: { tenantId: string; active: ActiveKeyAction; onClose: () => void }) {
  const refresh = useRefreshKeys(tenantId);
  if (!active) return null;
  const props = { tenantId, apiKey: active.key, onClose, onChanged: refresh };
  if (active.action === "edit") return <EditKeyDialog key={active.key.id} {...props} />;
  if (active.action === "roll") return <RollKeyDialog key={active.key.id} {...props} />;
  return <RevokeKeyDialog key={active.key.id} {...props} />;
}

/** Which actions a key in this state offers: a revoked or expired key can only be looked at. */
export function actionsFor(key: Pick<KeyRow, "status">): KeyAction[] {
  if (key.status === "revoked" || key.status === "expired") return [];
  if (key.status === "retiring") return ["edit", "revoke"];
  return ["edit", "roll", "revoke"];
}
