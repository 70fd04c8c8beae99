"use client";

import dynamic from "next/dynamic";
import type { KeyRow } from "@/lib/keys/queries";
import { useRefreshKeys } from "./use-keys";

// Loaded when a row action is chosen, not with the list: the scope picker, the expiry field and the
// dialogs' code stay out of the page's first load (docs/PERFORMANCE.md, keys page).
const EditKeyDialog = dynamic(() => import("./edit-key-dialog").then((m) => m.EditKeyDialog), { ssr: false });
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((m) => m.RollKeyDialog), { ssr: false });
const RevokeKeyDialog = dynamic(() => import("./revoke-key-dialog").then((m) => m.RevokeKeyDialog), { ssr: false });

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
