import type { Machine } from "./options";
import type { Row } from "./report-types";

/** autocannon records whole milliseconds. */
export const ms = (value: number) => (value < 1 ? "< 1" : String(value));
export const pct = (ratio: number) => `${ratio < 0.1 ? (ratio * 100).toFixed(1) : Math.round(ratio * 100)} %`;
export const us = (value: number) => (Math.abs(value) < 1 ? value.toFixed(2) : Math.abs(value) < 10 ? value.toFixed(1) : String(Math.round(value)));
export const rps = (row: Row) => row.result.requestsPerSecond;
/** 1 / throughput in µs: the server time one request takes when the server is saturated (Node serves on one core). */
export const usPerRequest = (row: Row) => 1_000_000 / rps(row);

/** "2026-12-02 05:43": the minute, in UTC, for a report's date line. */
export const utcMinute = (date = new Date()) => date.toISOString().slice(0, 16).replace("T", " ");
/** The machine as a report names it, with its load when the bench started. */
export const machineText = (m: Machine) => `${m.cores} cores (${m.cpu}), ${m.platform}, Node ${m.node}, load average at start ${m.loadAverage}`;

export function find(rows: Row[], database: string, target: string): Row | undefined {
  return rows.find((r) => r.database === database && r.target === target);
}
