"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect, useState } from "react";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

export type ShownSecret = {
  /** The full `kl_live_…` secret, held only in this component's props until it closes. */
  secret: string;
  /** What the secret belongs to, for the title ("Production sync"). */
  name: string;
};

function curlFor(origin: string, secret: string): string {
  return `curl ${origin}/api/v1/companies/current \\\n  -H "Authorization: Bearer ${secret}"`;
}

/**
 * Shows a newly created secret exactly once: copy button, a ready-to-paste curl, and a warning.
 * Closing before the secret was copied (button, Escape, outside click, ✕) asks for confirmation,
 * and leaving the page while it is open asks the browser to confirm. The caller drops the secret
 * in `onClose` and only then refreshes its lists (a refetch while open could remount this dialog).
 */
export function SecretDialog({
  shown,
  onClose,
  description = "Copy it now and store it somewhere safe, such as your secret manager.",
}: {
  shown: ShownSecret | null;
  onClose: () => void;
  description?: string;
}) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const open = shown !== null;

  useEffect(() => {
    if (!open) return;
    setCopied(false);
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [open]);

  function requestClose() {
    if (copied) onClose();
    else setConfirming(true);
  }

  const askFirst = (event: Event) => {
    event.preventDefault();
    requestClose();
  };

  const curl = shown ? curlFor(window.location.origin, shown.secret) : "";
  return (
    <>
      <Dialog open={open} onOpenChange={(next) => (next ? undefined : requestClose())}>
        {shown ? (
          <DialogContent
            title={`Save the secret of “${shown.name}”`}
            description={description}
            onEscapeKeyDown={askFirst}
            onInteractOutside={askFirst}
            width="lg"
            footer={<Button onClick={requestClose}>{copied ? "Done" : "I have saved it"}</Button>}
          >
            <div className="space-y-5">
              <p className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-600/20 ring-inset">
                <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                You will not see this secret again. If you lose it, roll the key to get a new one.
              </p>
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-zinc-900">Secret key</p>
                <div className="flex items-center gap-2 rounded-md bg-zinc-950 py-1.5 pr-1.5 pl-3">
                  <code data-testid="secret-key" className="min-w-0 flex-1 font-mono text-sm break-all text-white">
                    {shown.secret}
                  </code>
                  <CopyButton
                    value={shown.secret}
                    label="Copy secret key"
                    onCopied={() => setCopied(true)}
                    className="bg-white px-2 py-1 text-sm font-medium text-zinc-900 hover:bg-zinc-200"
                  >
                    Copy
                  </CopyButton>
                </div>
              </div>
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-zinc-900">Try it</p>
                <div className="flex items-start gap-2 rounded-md bg-zinc-100 py-2 pr-1.5 pl-3">
                  <pre className="min-w-0 flex-1 overflow-x-auto font-mono text-xs leading-5 text-zinc-900" data-testid="secret-curl">
                    {curl}
                  </pre>
                  <CopyButton value={curl} label="Copy curl command" onCopied={() => setCopied(true)} />
                </div>
              </div>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
      <AlertDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Close without copying the secret?"
        description="You have not copied it. Once this dialog closes the secret cannot be shown again; you would have to roll the key."
        confirmLabel="Close anyway"
        cancelLabel="Go back"
        onConfirm={() => {
          setConfirming(false);
          onClose();
        }}
      />
    </>
  );
}
