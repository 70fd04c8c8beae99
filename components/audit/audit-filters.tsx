import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { AUDIT_ACTIONS } from "@/lib/audit/types";

const input =
  "block w-full rounded-md bg-white px-2 py-1.5 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-indigo-600";

/** Filters by actor, action, target and time, as a GET form (the URL holds them; export uses the same). */
export function AuditFilters({
  action,
  values,
  tenants,
}: {
  action: string;
  values: Record<string, string>;
  /** Operator view: filter by company. */
  tenants?: { id: string; name: string }[];
}) {
  const field = (id: string, label: string, control: React.ReactNode) => (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700">
        {label}
      </label>
      {control}
    </div>
  );
  return (
    <form method="get" action={action} aria-label="Filter audit entries" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {tenants
          ? field(
              "audit-company",
              "Company",
              <select id="audit-company" name="companyId" defaultValue={values.companyId ?? ""} className={input}>
                <option value="">All companies</option>
                {tenants.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>,
            )
          : null}
        {field("audit-actor", "Actor", <input id="audit-actor" name="actor" defaultValue={values.actor} placeholder="email or user id" className={input} />)}
        {field(
          "audit-action",
          "Action",
          <select id="audit-action" name="action" defaultValue={values.action ?? ""} className={input}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>,
        )}
        {field(
          "audit-target",
          "Target",
          <input id="audit-target" name="target" defaultValue={values.target} placeholder="id or type (api_key)" className={input} />,
        )}
        {field("audit-from", "From (UTC)", <input id="audit-from" name="from" type="date" defaultValue={values.from} className={input} />)}
        {field("audit-to", "Before (UTC)", <input id="audit-to" name="to" type="date" defaultValue={values.to} className={input} />)}
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
