"use client";

import { Button, type ButtonVariant } from "./button";

type Props = {
  /** The id of the dialog's `<form>` (the submit button sits in the footer, outside it). */
  form: string;
  pending: boolean;
  /** "Create key"; while pending, `pendingLabel` ("Creating…"). */
  label: string;
  pendingLabel: string;
  onCancel: () => void;
  cancelLabel?: string;
  variant?: ButtonVariant;
};

/**
 * A form dialog's footer buttons: Cancel (or Back) and the submit button, both disabled while the
 * form is sent so the dialog cannot be left or sent twice mid-request. Goes in `DialogContent`'s `footer`.
 */
export function FormDialogButtons({ form, pending, label, pendingLabel, onCancel, cancelLabel = "Cancel", variant }: Props) {
  return (
    <>
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        {cancelLabel}
      </Button>
      <Button type="submit" form={form} variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </>
  );
}
