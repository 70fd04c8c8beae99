import "server-only";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { DispatchStatus, JobStatus } from "@/lib/generated/prisma/enums";
import type { HaulingClient } from "../shared/db";
import { looksLikeId } from "../shared/ids";
import { unknownReference } from "../shared/references";
import { ownedBy } from "../shared/tenant";

/** Checks a driver or truck belongs to the tenant and can be dispatched (runs inside the transaction). */
export async function assertDispatchable(
  tx: HaulingClient,
  tenantId: string,
  refs: { driverId?: string | undefined; truckId?: string | undefined },
): Promise<void> {
  if (refs.driverId !== undefined) {
    const id = refs.driverId;
    const driver = looksLikeId(id) ? await tx.driver.findFirst({ where: ownedBy(tenantId, { id }), select: { status: true } }) : null;
    if (!driver) throw unknownReference("driverId", "driver");
    if (driver.status !== "ACTIVE") throw new InvalidInputError("Driver is INACTIVE and cannot be dispatched", { field: "driverId" });
  }
  if (refs.truckId !== undefined) {
    const id = refs.truckId;
    const truck = looksLikeId(id) ? await tx.truck.findFirst({ where: ownedBy(tenantId, { id }), select: { status: true } }) : null;
    if (!truck) throw unknownReference("truckId", "truck");
    if (truck.status !== "ACTIVE") throw new InvalidInputError("Truck is INACTIVE and cannot be dispatched", { field: "truckId" });
  }
}

/**
 * Moves the job to DISPATCHED only if it is PENDING or SCHEDULED. The conditional update is the
 * lock: of two concurrent dispatches for one job, exactly one sees count 1.
 */
export async function claimJob(tx: HaulingClient, tenantId: string, jobId: string): Promise<void> {
  const job = looksLikeId(jobId) ? await tx.job.findFirst({ where: ownedBy(tenantId, { id: jobId }), select: { status: true } }) : null;
  if (!job) throw unknownReference("jobId", "job");
  const claimed = await tx.job.updateMany({
    where: ownedBy(tenantId, { id: jobId, status: { in: ["PENDING", "SCHEDULED"] as JobStatus[] } }),
    data: { status: "DISPATCHED" },
  });
  if (claimed.count === 1) return;
  const current = await tx.job.findFirst({ where: ownedBy(tenantId, { id: jobId }), select: { status: true } });
  const status = current?.status ?? job.status;
  throw new ConflictError(
    status === "DISPATCHED" || status === "IN_PROGRESS"
      ? "Job is already dispatched; reassign or cancel its dispatch instead"
      : `Job is ${status} and cannot be dispatched`,
    { field: "jobId", jobStatus: status },
  );
}

const JOB_STATUS_FOR: Record<DispatchStatus, JobStatus> = {
  ASSIGNED: "DISPATCHED",
  EN_ROUTE: "IN_PROGRESS",
  COMPLETED: "COMPLETED",
  CANCELLED: "SCHEDULED",
};

/** Keeps the job's status in step with its dispatch; only touches jobs that are mid-dispatch. */
export async function syncJobStatus(tx: HaulingClient, tenantId: string, jobId: string, dispatch: DispatchStatus): Promise<void> {
  await tx.job.updateMany({
    where: ownedBy(tenantId, { id: jobId, status: { in: ["DISPATCHED", "IN_PROGRESS"] as JobStatus[] } }),
    data: { status: JOB_STATUS_FOR[dispatch] },
  });
}

export const FINAL_STATUSES: readonly DispatchStatus[] = ["COMPLETED", "CANCELLED"];
