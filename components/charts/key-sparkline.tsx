"use client";

import { Area, AreaChart, YAxis } from "recharts";
import { BAR_COLOUR } from "./palette";

const WIDTH = 96;
const HEIGHT = 24;

/**
 * A key's requests per day over 30 days, drawn small in the key list. Decoration only: the cell
 * says the count in words (and the busiest day for screen readers), so the chart is hidden from
 * assistive technology and has no keyboard layer.
 */
export function KeySparkline({ daily }: { daily: number[] }) {
  const data = daily.map((count, day) => ({ day, count }));
  return (
    <div aria-hidden="true" className="h-6 w-24">
      <AreaChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
        <YAxis hide domain={[0, (max: number) => Math.max(1, max)]} />
        <Area dataKey="count" type="linear" stroke={BAR_COLOUR} strokeWidth={1.5} fill={BAR_COLOUR} fillOpacity={0.12} isAnimationActive={false} dot={false} />
      </AreaChart>
    </div>
  );
}
