import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PartnershipStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<PartnershipStatus, BadgeTone> = { ACTIVE: "green", PENDING: "amber", SUSPENDED: "red", REVOKED: "neutral" };

export function PartnershipStatusBadge({ status }: { status: PartnershipStatus }) {
  return <Badge tone={TONE[status]}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}
