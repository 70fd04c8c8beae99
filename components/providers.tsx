"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { Toaster } from "./ui/toaster";

// Zod 4 probes `new Function` for its JIT; under our CSP (no 'unsafe-eval') that probe is reported as
// a violation. The interpreter is fast enough for form validation.
z.config({ jitless: true });

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
