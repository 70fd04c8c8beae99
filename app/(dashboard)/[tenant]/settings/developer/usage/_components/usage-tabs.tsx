import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

/** Overview (charts, headroom, suggestions) and the request log: two pages of one section. */
export function UsageTabs({ basePath, current }: { basePath: string; current: "overview" | "requests" }) {
  const tabs = [
    { id: "overview", label: "Overview", href: basePath },
    { id: "requests", label: "Request log", href: `${basePath}/requests` },
  ] as const;
  return (
    <nav aria-label="Usage pages" className="border-b border-zinc-200">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={current === tab.id ? "page" : undefined}
              className={cn(
                "block border-b-2 px-1 py-2 text-sm font-medium",
                focusRing,
                current === tab.id ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-600 hover:text-zinc-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
