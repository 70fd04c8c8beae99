import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A plain data table: header row, zebra-free rows divided by hairlines. The wrapper scrolls
 * sideways on narrow screens and is `relative`, so screen-reader-only text (absolutely positioned)
 * in a cell scrolled out of view does not widen the whole page.
 */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-xs">
      <table className="min-w-full divide-y divide-zinc-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50">
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className="px-4 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ className, children }: { className?: string; children: ReactNode }) {
  return <td className={cn("px-4 py-3 align-top text-zinc-700", className)}>{children}</td>;
}

export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-4 py-8 text-center text-sm text-zinc-500">
        {children}
      </td>
    </tr>
  );
}
