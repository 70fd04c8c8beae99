import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export type ChartTable = { caption: string; head: string[]; rows: (string | number)[][] };

/**
 * A chart with its words: a title, a one-sentence summary that says what the chart shows, and the
 * same numbers as a table behind "Show as table" — the chart itself is decoration for sighted
 * mouse users, the summary and table are the content.
 */
export function ChartFigure({ id, title, summary, table, children }: { id: string; title: string; summary: string; table: ChartTable; children: ReactNode }) {
  return (
    <Card className="p-4">
      <figure aria-labelledby={`${id}-title`} className="space-y-3">
        <div className="space-y-1">
          <h3 id={`${id}-title`} className="text-sm font-semibold text-zinc-900">
            {title}
          </h3>
          <figcaption className="text-sm text-zinc-600">{summary}</figcaption>
        </div>
        {table.rows.length === 0 ? null : (
          <>
            <div aria-hidden="true">{children}</div>
            <details className="group text-sm">
              <summary className="cursor-pointer rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
                Show as table
              </summary>
              <div className="mt-2 max-h-72 overflow-auto">
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">{table.caption}</caption>
                  <thead>
                    <tr>
                      {table.head.map((h) => (
                        <th key={h} scope="col" className="border-b border-zinc-200 px-2 py-1.5 text-xs font-medium text-zinc-600">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={String(row[0])} className="border-b border-zinc-100">
                        {row.map((cell, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-width row
                          <td key={i} className="px-2 py-1 tabular-nums text-zinc-800">
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </figure>
    </Card>
  );
}
