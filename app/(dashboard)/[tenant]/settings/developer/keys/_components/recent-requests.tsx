import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RecentRequest } from "@/lib/keys/queries";

function tone(status: number): BadgeTone {
  if (status >= 500) return "red";
  if (status >= 400) return "amber";
  return "green";
}

const TH = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-600";
const TD = "px-3 py-2 align-top text-sm text-zinc-700";

/** The key's latest requests from the request log: time, method, path, status and request id. */
export function RecentRequests({ requests }: { requests: RecentRequest[] }) {
  if (requests.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-600">No requests with this key yet.</p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-xs">
      <table className="min-w-full divide-y divide-zinc-200">
        <caption className="sr-only">Latest requests made with this key</caption>
        <thead className="bg-zinc-50">
          <tr>
            <th scope="col" className={TH}>
              Time
            </th>
            <th scope="col" className={TH}>
              Request
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={`${TH} hidden md:table-cell`}>
              Request ID
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {requests.map((r) => (
            <tr key={r.id} data-testid="request-row">
              <td className={`${TD} whitespace-nowrap`}>
                <RelativeTime date={r.at} />
              </td>
              <td className={`${TD} font-mono text-xs break-all`}>
                <span className="font-semibold text-zinc-900">{r.method}</span> {r.path}
              </td>
              <td className={TD}>
                <Badge tone={tone(r.status)} mono>
                  {r.status}
                </Badge>
              </td>
              <td className={`${TD} hidden font-mono text-xs md:table-cell`}>{r.requestId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
