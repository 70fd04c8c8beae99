import { formatDate } from "@/components/shell/format-date";

/** A date people read at a glance, with the exact UTC time on hover and for assistive technology. */
export function Timestamp({ at, empty = "Never", withTime = false }: { at: Date | null; empty?: string; withTime?: boolean }) {
  if (!at) return <span className="text-zinc-500">{empty}</span>;
  const exact = `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`;
  return (
    <time dateTime={at.toISOString()} title={exact} className="whitespace-nowrap">
      {formatDate(at)}
      {withTime ? `, ${exact.slice(11, 16)} UTC` : null}
    </time>
  );
}
