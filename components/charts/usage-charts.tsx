"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOMES } from "@/lib/request-log/outcomes";
import type { UsagePoint } from "@/lib/request-log/usage-schema";
import { BAR_COLOUR, LATENCY_COLOURS, OUTCOME_COLOURS, OUTCOME_LABELS } from "./palette";

const AXIS = { fontSize: 12, fill: "#52525b" }; // zinc-600: 7:1 on white
const HEIGHT = 220;

function tickLabel(granularity: "hour" | "day") {
  return (iso: string) => (granularity === "hour" ? `${iso.slice(11, 13)}:00` : iso.slice(5, 10));
}

// Charts are mouse-only decoration next to a text summary and a table (components/charts/chart-figure.tsx):
// recharts' keyboard layer is off so no focusable element sits inside the aria-hidden wrapper.

export function RequestsChart({ series, granularity }: { series: UsagePoint[]; granularity: "hour" | "day" }) {
  const data = series.map((p) => ({ start: p.start, ...p.outcomes }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="start" tickFormatter={tickLabel(granularity)} tick={AXIS} minTickGap={16} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip labelFormatter={(label) => String(label).replace("T", " ").slice(0, 16)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {OUTCOMES.map((o) => (
          <Bar key={o} dataKey={o} name={OUTCOME_LABELS[o]} stackId="outcome" fill={OUTCOME_COLOURS[o]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function LatencyChart({ series, granularity }: { series: UsagePoint[]; granularity: "hour" | "day" }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={series} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="start" tickFormatter={tickLabel(granularity)} tick={AXIS} minTickGap={16} />
        <YAxis tick={AXIS} unit=" ms" width={72} />
        <Tooltip labelFormatter={(label) => String(label).replace("T", " ").slice(0, 16)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          dataKey="p50Ms"
          name="p50 (ms, bucket bound)"
          stroke={LATENCY_COLOURS.p50Ms}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="p95Ms"
          name="p95 (ms, bucket bound)"
          stroke={LATENCY_COLOURS.p95Ms}
          strokeWidth={2}
          strokeDasharray="5 3"
          dot={{ r: 2 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars: busiest endpoints, error codes. */
export function RankChart({ rows }: { rows: { label: string; total: number }[] }) {
  const height = Math.max(80, rows.length * 28 + 24);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 8, bottom: 0, left: 0 }}>
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="label" tick={AXIS} width={140} />
        <Tooltip />
        <Bar dataKey="total" name="Requests" fill={BAR_COLOUR} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
