"use client";

import { KeyRound, UserRound } from "lucide-react";
import { useId, useState } from "react";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { scopesLabel } from "@/lib/scopes/access-map";
import type { Scope } from "@/lib/scopes/catalog";

export type Hauler = { id: string; name: string; scopes: string[] };
export type IdentityState = { type: "session"; scopes: string[] } | { type: "key"; key: string };

const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

function ScopesDialog({ scopes, onChange }: { scopes: string[]; onChange: (scopes: Scope[]) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string[]>(scopes);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        onClick={() => {
          setDraft(scopes);
          setOpen(true);
        }}
      >
        Change scopes
      </Button>
      <DialogContent
        title="Console session scopes"
        description="What calls made as you may do. They never exceed your role, and last for one call."
        width="lg"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              disabled={draft.length === 0}
              onClick={() => {
                onChange(draft as Scope[]);
                setOpen(false);
              }}
            >
              Use these scopes
            </Button>
          </>
        }
      >
        <ScopePicker value={draft} onChange={setDraft} legend="Session permissions" />
      </DialogContent>
    </Dialog>
  );
}

/**
 * Who the call is made as: the user (a console session; scopes chosen here, never above the role)
 * or a pasted key kept only in this page's memory. Vendors also choose the hauler to act for.
 */
export function IdentityBar({
  identity,
  onIdentity,
  canWrite,
  haulers,
  haulerId,
  onHauler,
}: {
  identity: IdentityState;
  onIdentity: (identity: IdentityState) => void;
  canWrite: boolean;
  haulers: Hauler[] | null;
  haulerId: string | null;
  onHauler: (id: string) => void;
}) {
  const id = useId();
  const [sessionScopes, setSessionScopes] = useState<string[]>(identity.type === "session" ? identity.scopes : []);
  const [key, setKey] = useState(identity.type === "key" ? identity.key : "");
  const option = (type: "session" | "key", label: string, icon: React.ReactNode) => (
    <label
      className={cn(
        "flex flex-1 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
        identity.type === type ? "border-indigo-600 bg-indigo-50/60 text-zinc-900" : "border-zinc-200 text-zinc-700 hover:bg-zinc-50",
      )}
    >
      <input
        type="radio"
        name={`${id}-identity`}
        checked={identity.type === type}
        onChange={() => onIdentity(type === "session" ? { type, scopes: sessionScopes } : { type, key })}
        className="size-4 accent-indigo-600 focus:outline-none"
      />
      {icon}
      {label}
    </label>
  );
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <div className="grid gap-3 md:grid-cols-[1fr_auto]">
        <fieldset className="min-w-0">
          <legend className="mb-1.5 text-sm font-medium text-zinc-900">Call as</legend>
          <div className="flex flex-col gap-2 sm:flex-row">
            {option("session", "As me (console session)", <UserRound aria-hidden="true" className="size-4" />)}
            {option("key", "With an API key", <KeyRound aria-hidden="true" className="size-4" />)}
          </div>
        </fieldset>
        {haulers ? (
          <div className="min-w-0 md:w-64">
            <label htmlFor={`${id}-hauler`} className="mb-1.5 block text-sm font-medium text-zinc-900">
              Hauler (Klau-Tenant-Id)
            </label>
            <select id={`${id}-hauler`} value={haulerId ?? ""} onChange={(e) => onHauler(e.target.value)} className={inputClasses}>
              {haulers.length === 0 ? <option value="">No active partnership</option> : null}
              {haulers.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {identity.type === "session" ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
          <span>
            Session scopes:{" "}
            <strong className="font-medium text-zinc-900" data-testid="console-session-scopes">
              {scopesLabel(identity.scopes)}
            </strong>
          </span>
          {canWrite ? (
            <ScopesDialog
              scopes={identity.scopes}
              onChange={(scopes) => {
                setSessionScopes(scopes);
                onIdentity({ type: "session", scopes });
              }}
            />
          ) : (
            <span className="text-zinc-600">(your role can read only)</span>
          )}
        </div>
      ) : (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-key`} className="block text-sm font-medium text-zinc-900">
            API key
          </label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder="kl_live_…"
            aria-describedby={`${id}-key-hint`}
            onChange={(e) => {
              setKey(e.target.value);
              onIdentity({ type: "key", key: e.target.value });
            }}
            className={cn(inputClasses, "font-mono")}
          />
          <p id={`${id}-key-hint`} className="text-xs text-zinc-600">
            Held in this page only and sent with each call; never stored, logged or shown again.
          </p>
        </div>
      )}
    </div>
  );
}
