"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { curlSnippet, fetchSnippet, type SnippetCall } from "@/lib/console/snippets";

/** Copy the call as curl or fetch (the key as $KLAU_API_KEY, never the secret), and show the curl. */
export function SnippetButtons({ call }: { call: SnippetCall }) {
  const curl = curlSnippet(call);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <CopyButton value={curl} label="Copy as curl" className="px-2 text-sm ring-1 ring-inset ring-zinc-300">
          Copy as curl
        </CopyButton>
        <CopyButton value={fetchSnippet(call)} label="Copy as fetch" className="px-2 text-sm ring-1 ring-inset ring-zinc-300">
          Copy as fetch
        </CopyButton>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-zinc-700">Show curl</summary>
        <pre className="mt-1 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-zinc-100" data-testid="console-curl">
          {curl}
        </pre>
      </details>
    </div>
  );
}
