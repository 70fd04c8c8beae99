import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

/**
 * The frame of every signed-in area: a sidebar (brand, context switcher, navigation, user) and
 * the main column. Stacks vertically on narrow screens.
 */
export function AppShell({ area, context, nav, user, children }: { area: string; context?: ReactNode; nav: ReactNode; user: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-zinc-50 md:flex">
      <a
        href="#main"
        className={cn(
          "sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow",
          focusRing,
        )}
      >
        Skip to content
      </a>
      <aside className="flex flex-col border-b border-zinc-200 bg-white md:sticky md:top-0 md:h-screen md:w-72 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex h-14 items-center px-5">
          <Logo label={area} />
        </div>
        {context ? <div className="px-3 pb-2">{context}</div> : null}
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-3">
          {nav}
        </nav>
        <div className="border-t border-zinc-200 px-4 py-3">{user}</div>
      </aside>
      <main id="main" className="min-w-0 flex-1">
        <div className="mx-auto max-w-5xl px-6 py-8 lg:px-10">{children}</div>
      </main>
    </div>
  );
}
