import type { LoadOptions, LoadResult } from "./load";
import type { Machine } from "./options";
import type { StepCosts } from "./run-step-costs";

export type Row = { database: string; target: string; result: LoadResult };

export type ReportInput = {
  rows: Row[];
  steps: StepCosts[];
  load: LoadOptions;
  machine: Machine;
  /** rate-limiter-flexible store the server used (memory unless REDIS_URL / KLAU_RATE_LIMIT_STORE). */
  limiterStore: string;
  seconds: number;
  write: boolean;
  /** Sections shown before the main results (the API fast path comparison). */
  leadSections?: string[];
  /** Sections of other benches (e.g. the console's overhead), appended as they come. */
  extraSections?: string[];
};

export const TARGET_RATIO = 0.85;
export const RAW = "raw Node http";
export const BARE = "bare Next route";
export const BARE_PLAIN = "bare Next route, without the query string and key";
export const PIPELINE_DIRECT = "API pipeline, no DB query, direct key";
export const PIPELINE_VENDOR = "API pipeline, no DB query, vendor key + Klau-Tenant-Id";
export const API_DIRECT = "API, direct key";
export const API_VENDOR = "API, vendor key + Klau-Tenant-Id";
export const API_DIRECT_UNCACHED = "API, direct key, read cache off (every request queries)";
export const API_VENDOR_UNCACHED = "API, vendor key, read cache off (every request queries)";
