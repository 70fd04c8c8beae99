"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { feedback } from "./action-feedback";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/authorized-action";

/** A button that asks before running one destructive server action, then refreshes the page. */
export function ConfirmAction({
  label,
  srLabel,
  title,
  description,
  confirmLabel,
  success,
  run,
}: {
  label: string;
  /** Names the object for screen readers when the visible label is generic ("Revoke"). */
  srLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  success: string;
  run: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    const result = await run();
    feedback(result, success);
    setPending(false);
    if (!result.ok) return;
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
        {srLabel ? <span className="sr-only"> {srLabel}</span> : null}
      </Button>
      <AlertDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        pending={pending}
        onConfirm={confirm}
      />
    </>
  );
}
