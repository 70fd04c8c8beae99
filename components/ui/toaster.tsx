"use client";

import { Toaster as SonnerToaster } from "sonner";

/**
 * The app's one toast system (sonner). Mounted once in `Providers`; anywhere in client code call
 * `toast.success("Key revoked")` / `toast.error(message)` imported from here.
 */
export { toast } from "sonner";

export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      closeButton
      // Dark-on-light text with enough contrast for axe; rich colours carry the outcome.
      richColors
      toastOptions={{ classNames: { toast: "text-sm", description: "text-zinc-700" } }}
    />
  );
}
