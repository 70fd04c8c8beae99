"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type RevocableKey, RevokeKeyDialog } from "../../keys/_components/revoke-key-dialog";

/**
 * Revoke a direct key from the Data access page, through the keys page's own confirmation and
 * server action (audited with the actor); the page is re-read afterwards, so the key leaves the list.
 */
export function RevokeKeyInPlace({ tenantId, apiKey }: { tenantId: string; apiKey: RevocableKey }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Revoke<span className="sr-only"> key {apiKey.name}</span>
      </Button>
      {open ? <RevokeKeyDialog tenantId={tenantId} apiKey={apiKey} onClose={() => setOpen(false)} onChanged={() => router.refresh()} /> : null}
    </>
  );
}
