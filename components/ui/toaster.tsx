"use client";

import type { CSSProperties } from "react";
import { Toaster as SonnerToaster } from "sonner";

/**
 * The app's one toast system (sonner). Mounted once in `Providers`; anywhere in client code call
 * `toast.success("Key revoked")` / `toast.error(message)` imported from here.
 */
export { toast } from "sonner";

/** sonner's rich-colour text is under 4.5:1 on its tinted backgrounds: darker shades, same hues. */
const READABLE = {
  "--success-text": "#166534",
  "--error-text": "#991b1b",
  "--warning-text": "#92400e",
  "--info-text": "#1e40af",
} as CSSProperties;

export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      closeButton
      richColors
      style={READABLE}
      toastOptions={{ classNames: { toast: "text-sm", description: "text-zinc-700" } }}
    />
  );
}
