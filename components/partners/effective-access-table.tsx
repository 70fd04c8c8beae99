import { Check } from "lucide-react";
import { Table, Td } from "@/components/ui/table";
import type { EffectiveAccessRow, MissingScope } from "@/lib/scopes/effective";

/** Per resource: allowed, or which side lacks the scope, in the API's own 403 words. */
export function EffectiveAccessTable({ rows, keyName, companyName }: { rows: EffectiveAccessRow[]; keyName: string; companyName: string }) {
  return (
    <Table caption={`Effective access of ${keyName} for ${companyName}`} head={["Resource", "Read", "Write"]}>
      {rows.map((row) => (
        <tr key={row.resource}>
          <Td className="font-mono text-xs text-zinc-900">{row.resource}</Td>
          <Td>
            <Cell missing={row.read} keyName={keyName} companyName={companyName} />
          </Td>
          <Td>
            <Cell missing={row.write} keyName={keyName} companyName={companyName} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

function Cell({ missing, keyName, companyName }: { missing: MissingScope | null; keyName: string; companyName: string }) {
  if (!missing) {
    return (
      <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
        <Check aria-hidden="true" className="size-4" /> Allowed
      </span>
    );
  }
  const who = missing.side === "key" ? `The key ${keyName} lacks ${missing.scope}` : `${companyName} has not granted ${missing.scope}`;
  return (
    <div className="space-y-0.5">
      <p className="text-zinc-900">{who}</p>
      <p className="text-xs text-zinc-600">API: 403 “{missing.message}”</p>
    </div>
  );
}
