import "server-only";
import { changeEmitter } from "@/lib/db/notify";

/** A partnership's status or granted scopes changed: caches of partnerships drop the pair at once. */
export type PartnershipChangedEvent = { id: string; vendorId: string; companyId: string; status: string };

export const PARTNERSHIP_CHANGED_CHANNEL = "klau_partnership_changed";

const partnershipChanged = changeEmitter<PartnershipChangedEvent>("partnership-changed");

/** Subscribe to partnership status/scope changes. Returns an unsubscribe function. */
export const onPartnershipChanged = partnershipChanged.on;
export const emitPartnershipChanged = partnershipChanged.emit;
