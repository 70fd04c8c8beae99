import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { ERROR_CODES } from "@/lib/errors";

const input =
  "block w-full rounded-md bg-white px-2 py-1.5 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-indigo-600";

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A plain GET form: the filters live in the URL (shareable, back button), no client JavaScript needed. */
export function RequestFilters({ action, values, keys }: { action: string; values: Record<string, string>; keys: { id: string; label: string }[] }) {
  return (
    <form method="get" action={action} aria-label="Filter requests" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="filter-requestId" label="Request ID">
          <input id="filter-requestId" name="requestId" defaultValue={values.requestId} placeholder="Paste x-request-id" className={`${input} font-mono`} />
        </Labelled>
        <Labelled id="filter-apiKeyId" label="Key">
          <select id="filter-apiKeyId" name="apiKeyId" defaultValue={values.apiKeyId ?? ""} className={input}>
            <option value="">Any key</option>
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-method" label="Method">
          <select id="filter-method" name="method" defaultValue={values.method ?? ""} className={input}>
            <option value="">Any method</option>
            {["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-status" label="Status">
          <input
            id="filter-status"
            name="status"
            type="number"
            min={100}
            max={599}
            inputMode="numeric"
            defaultValue={values.status}
            placeholder="e.g. 403"
            className={input}
          />
        </Labelled>
        <Labelled id="filter-errorCode" label="Error code">
          <select id="filter-errorCode" name="errorCode" defaultValue={values.errorCode ?? ""} className={input}>
            <option value="">Any</option>
            {ERROR_CODES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-path" label="Path starts with">
          <input id="filter-path" name="path" defaultValue={values.path} placeholder="/api/v1/jobs" className={`${input} font-mono`} />
        </Labelled>
        <Labelled id="filter-from" label="From (UTC)">
          <input id="filter-from" name="from" type="date" defaultValue={values.from} className={input} />
        </Labelled>
        <Labelled id="filter-to" label="Before (UTC)">
          <input id="filter-to" name="to" type="date" defaultValue={values.to} className={input} />
        </Labelled>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        <Link href={action} className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
