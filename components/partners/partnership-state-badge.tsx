import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PartnershipState } from "@/lib/tenancy/partnership-views";

const TONE: Record<PartnershipState, BadgeTone> = {
  active: "green",
  pending: "amber",
  suspended: "red",
  revoked: "neutral",
  ended: "neutral",
  denied: "red",
  withdrawn: "neutral",
};

const LABEL: Record<PartnershipState, string> = {
  active: "Active",
  pending: "Pending",
  suspended: "Suspended",
  revoked: "Revoked",
  ended: "Ended",
  denied: "Denied",
  withdrawn: "Withdrawn",
};

export function PartnershipStateBadge({ state }: { state: PartnershipState }) {
  return <Badge tone={TONE[state]}>{LABEL[state]}</Badge>;
}
