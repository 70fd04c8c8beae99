import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** What an empty section shows: what will appear here and why it is empty. */
export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-14 text-center">
      <span className="flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
        <Icon aria-hidden="true" className="size-5" />
      </span>
      <h2 className="mt-4 text-base font-semibold text-zinc-900">{title}</h2>
      {children ? <div className="mt-1.5 max-w-md text-sm text-zinc-600">{children}</div> : null}
    </div>
  );
}
