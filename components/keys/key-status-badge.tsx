import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { KeyStatus } from "@/lib/keys/status";

const BADGE: Record<KeyStatus, { tone: BadgeTone; label: string }> = {
  active: { tone: "green", label: "Active" },
  expiring: { tone: "amber", label: "Expiring" },
  retiring: { tone: "indigo", label: "Retiring" },
  expired: { tone: "neutral", label: "Expired" },
  revoked: { tone: "red", label: "Revoked" },
};

export const KEY_STATUS_LABEL: Record<KeyStatus, string> = Object.fromEntries(Object.entries(BADGE).map(([status, { label }]) => [status, label])) as Record<
  KeyStatus,
  string
>;

export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  const { tone, label } = BADGE[status];
  return <Badge tone={tone}>{label}</Badge>;
}
