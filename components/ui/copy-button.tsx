"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { cn } from "./cn";
import { focusRing } from "./focus-ring";

/** Copies `value` to the clipboard and says so for a moment (visually and to screen readers). */
export function CopyButton({
  value,
  label,
  onCopied,
  className,
  children,
}: {
  value: string;
  label: string;
  onCopied?: () => void;
  className?: string;
  /** Visible text next to the icon (e.g. "Copy"); without it the button is icon-only and `label` names it. */
  children?: string;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      onCopied?.();
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard blocked (insecure origin or permissions): the value stays visible to select by hand.
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={copy}
        aria-label={children ? undefined : copied ? `${label} copied` : label}
        className={cn("inline-flex shrink-0 items-center gap-1.5 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900", focusRing, className)}
      >
        {copied ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
        {children ? <span>{copied ? "Copied" : children}</span> : null}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied ? `${label}: copied` : ""}
      </span>
    </>
  );
}
