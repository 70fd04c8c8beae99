import { PageHeader } from "@/components/ui/page-header";

/** The page's frame while the first page of keys loads: header, toolbar and table skeleton. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <PageHeader eyebrow="Developer settings" title="API keys" description="Loading keys…" />
      <div className="h-9 animate-pulse rounded-md bg-zinc-200/70" />
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <div key={i} className="flex gap-4 border-b border-zinc-100 px-3 py-4 last:border-0">
            <div className="h-4 w-40 animate-pulse rounded bg-zinc-200/70" />
            <div className="h-4 w-24 animate-pulse rounded bg-zinc-200/70" />
            <div className="ml-auto h-4 w-16 animate-pulse rounded bg-zinc-200/70" />
          </div>
        ))}
      </div>
    </div>
  );
}
