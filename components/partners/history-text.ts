import type { HistoryEntry } from "@/lib/tenancy/partnership-views";

/** One history entry in words: what happened, and the scopes and text that go with it. */
export type HistoryLine = { title: string; scopes: { label: string; list: string[] }[]; quote: string | null };

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const scopesOf = (state: unknown): string[] => list(typeof state === "object" && state ? (state as { scopes?: unknown }).scopes : undefined);

const TITLES: Record<string, string> = {
  "partnership.created": "Partnership created",
  "partnership.updated": "Partnership changed",
  "partnership.requested": "Requested scopes",
  "partnership.request_withdrawn": "Withdrew the request",
  "partnership.approved": "Approved the request",
  "partnership.denied": "Denied the request",
  "partnership.grant_changed": "Changed the grant",
  "partnership.suspended": "Suspended the partnership",
  "partnership.resumed": "Resumed the partnership",
  "partnership.revoked": "Revoked the partnership",
  "partnership.ended": "Ended the partnership",
};

export function describeHistory(entry: Pick<HistoryEntry, "action" | "details">): HistoryLine {
  const d = entry.details;
  const scopes: HistoryLine["scopes"] = [];
  const add = (label: string, values: string[]) => {
    if (values.length > 0) scopes.push({ label, list: values });
  };
  let quote: string | null = null;
  switch (entry.action) {
    case "partnership.requested":
      add("Requested", list(d.requested));
      quote = text(d.note);
      break;
    case "partnership.approved":
      add("Granted", list(d.approved));
      add("Not granted", list(d.notApproved));
      break;
    case "partnership.denied":
      add("Requested", list(d.requested));
      quote = text(d.reason);
      break;
    case "partnership.grant_changed":
      add("Added", list(d.added));
      add("Removed", list(d.removed));
      break;
    case "partnership.created":
      add("Granted", list(d.scopes));
      break;
    case "partnership.updated":
      add("Granted now", scopesOf(d.to));
      break;
    default:
      break;
  }
  return { title: TITLES[entry.action] ?? entry.action, scopes, quote };
}
