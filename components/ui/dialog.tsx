"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";
import { focusRing } from "./focus-ring";

/**
 * The one modal dialog (Radix: focus trapped inside, Escape and outside click close, focus returns
 * to the trigger). Compose: `<Dialog open onOpenChange><DialogContent title description>…`.
 * A dialog that must not close by accident (show-once secrets) passes `onEscapeKeyDown` /
 * `onInteractOutside` handlers that call `preventDefault()` and ask first.
 */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export const overlayClasses = "fixed inset-0 z-40 bg-zinc-950/40";

export const panelClasses =
  "fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col rounded-t-xl border border-zinc-200 bg-white shadow-xl outline-none sm:inset-auto sm:top-1/2 sm:left-1/2 sm:max-h-[88dvh] sm:w-[calc(100vw-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-xl";

const WIDTHS = { sm: "sm:max-w-md", md: "sm:max-w-lg", lg: "sm:max-w-2xl", xl: "sm:max-w-4xl" } as const;

type ContentProps = Omit<ComponentPropsWithoutRef<typeof DialogPrimitive.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Footer buttons, kept visible below a scrolling body. */
  footer?: ReactNode;
  width?: keyof typeof WIDTHS;
  /** False hides the corner close button (the footer offers the way out). */
  closeButton?: boolean;
};

export function DialogContent({ title, description, footer, width = "md", closeButton = true, className, children, ...props }: ContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClasses} />
      <DialogPrimitive.Content
        // Without a description Radix warns; pass undefined explicitly so it stays quiet.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(panelClasses, WIDTHS[width], className)}
        {...props}
      >
        <div className="flex items-start gap-4 border-b border-zinc-100 px-5 pt-5 pb-4">
          <div className="min-w-0 flex-1 space-y-1">
            <DialogPrimitive.Title className="text-base font-semibold text-zinc-900">{title}</DialogPrimitive.Title>
            {description ? <DialogPrimitive.Description className="text-sm text-zinc-600">{description}</DialogPrimitive.Description> : null}
          </div>
          {closeButton ? (
            <DialogPrimitive.Close aria-label="Close" className={cn("-m-1 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900", focusRing)}>
              <X aria-hidden="true" className="size-5" />
            </DialogPrimitive.Close>
          ) : null}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
        {footer ? <DialogFooter>{footer}</DialogFooter> : null}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** Buttons at the bottom of a dialog: stacked full-width on phones, right-aligned from `sm`. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="flex flex-col-reverse gap-2 border-t border-zinc-100 px-5 py-3 sm:flex-row sm:justify-end">{children}</div>;
}
