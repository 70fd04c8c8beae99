import { Badge, type BadgeTone } from "@/components/ui/badge";

/** A list of scope strings as badges, or a short text when there are none. */
export function ScopeBadges({ scopes, label, tone, empty = "None" }: { scopes: readonly string[]; label: string; tone?: BadgeTone; empty?: string }) {
  if (scopes.length === 0) return <span className="text-sm text-zinc-500">{empty}</span>;
  return (
    <ul className="flex max-w-md flex-wrap gap-1.5" aria-label={label}>
      {scopes.map((scope) => (
        <li key={scope}>
          <Badge mono tone={tone}>
            {scope}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
