import { CopyButton } from "@/components/ui/copy-button";
import { type AccessMap, describeAccess } from "@/lib/scopes/access-map";

/** What the chosen access means in words, and the exact scope strings the key will carry (copyable). */
export function ScopeSummary({ scopes, access }: { scopes: readonly string[]; access: AccessMap }) {
  const text = scopes.join(",");
  return (
    <div className="space-y-2 rounded-lg bg-zinc-50 p-3 text-sm ring-1 ring-zinc-200 ring-inset">
      <p aria-live="polite" className="text-zinc-800" data-testid="scope-summary">
        {describeAccess(access)}
      </p>
      <div className="flex items-start gap-2">
        <p className="min-w-0 flex-1 text-xs text-zinc-600">
          <span className="font-medium">Scopes: </span>
          {scopes.length ? (
            <code className="font-mono break-words text-zinc-900" data-testid="scope-strings">
              {text}
            </code>
          ) : (
            <span>none</span>
          )}
        </p>
        {scopes.length ? <CopyButton value={text} label="Copy scopes" /> : null}
      </div>
    </div>
  );
}
