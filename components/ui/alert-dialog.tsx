"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";
import { cn } from "./cn";
import { overlayClasses, panelClasses } from "./dialog";

/**
 * A confirmation for a destructive or irreversible step (Radix AlertDialog: focus starts on
 * Cancel, Escape cancels, outside clicks do nothing). Name the object in the title and say in the
 * description what stops working. Controlled: while `pending` the buttons are disabled, the confirm
 * button shows `pendingLabel` and the dialog cannot be dismissed; the caller closes it on success
 * and keeps it open on failure (showing the error), so the user can retry.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Cancel",
  destructive = true,
  pending = false,
  confirmDisabled = false,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** Extra body content (a typed confirmation, a choice), between the description and the buttons. */
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  pending?: boolean;
  /** Disables the confirm button (e.g. until a typed confirmation matches). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
}) {
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClasses} />
        <AlertDialogPrimitive.Content className={cn(panelClasses, "sm:max-w-md")}>
          <div className="space-y-2 px-5 pt-5 pb-4">
            <AlertDialogPrimitive.Title className="text-base font-semibold text-zinc-900">{title}</AlertDialogPrimitive.Title>
            <AlertDialogPrimitive.Description className="text-sm text-zinc-600">{description}</AlertDialogPrimitive.Description>
            {children ? <div className="pt-2">{children}</div> : null}
          </div>
          <div className="flex flex-col-reverse gap-2 border-t border-zinc-100 px-5 py-3 sm:flex-row sm:justify-end">
            <AlertDialogPrimitive.Cancel className={buttonClasses("secondary")} disabled={pending}>
              {cancelLabel}
            </AlertDialogPrimitive.Cancel>
            {/* Not AlertDialog.Action: that closes before an async confirm has finished. */}
            <button type="button" disabled={pending || confirmDisabled} onClick={onConfirm} className={buttonClasses(destructive ? "danger" : "primary")}>
              {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
            </button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
