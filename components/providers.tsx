"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";

// Loaded right after the page is interactive, not with it: a toast only ever follows a user's
// action, and sonner (11 kB gzipped) is not needed to show the page.
const Toaster = dynamic(() => import("./ui/toaster").then((m) => m.Toaster), { ssr: false });

/** Client-side providers for the signed-in areas: one TanStack Query client per browser tab, the one toaster. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // Server components render the first view; client queries refresh quietly without refetch storms.
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
