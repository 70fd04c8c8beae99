import "server-only";
import { selectRows } from "@/lib/db/pool-statements";
import { inTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { FINAL_STATUSES } from "../dispatches/assignment";
import { type Page, toPage } from "../shared/cursor";
import { fromDay } from "../shared/dates";
import type { HaulingDb } from "../shared/db";
import { type Deleted, deleted } from "../shared/fields";
import { looksLikeId } from "../shared/ids";
import { rethrowCreateError, rethrowWriteError } from "../shared/prisma-errors";
import { assertReferences } from "../shared/references";
import { ownedBy } from "../shared/tenant";
import { jobsPageSql } from "./list-sql";
import { type CreateJobBody, type Job, type ListJobsQuery, toJob, type UpdateJobBody } from "./schemas";

const LABEL = "Job";

function referencesOf(body: UpdateJobBody) {
  return [
    { field: "customerId", kind: "customer", id: body.customerId },
    { field: "siteId", kind: "site", id: body.siteId },
    { field: "materialId", kind: "material", id: body.materialId },
  ] as const;
}

/** The jobs list is raw SQL for speed (./list-sql.ts says why); its rows are already `Job`s. */
export async function listJobs(db: HaulingDb, tenantId: string, query: ListJobsQuery): Promise<Page<Job>> {
  const rows = await selectRows<Job>(db, jobsPageSql(tenantId, query));
  return toPage(rows, query.limit, (job) => job);
}

export async function getJob(db: HaulingDb, tenantId: string, id: string): Promise<Job> {
  const row = looksLikeId(id) ? await db.job.findFirst({ where: ownedBy(tenantId, { id }) }) : null;
  if (!row) throw new NotFoundError(LABEL);
  return toJob(row);
}

export async function createJob(db: HaulingDb, tenantId: string, body: CreateJobBody): Promise<Job> {
  await assertReferences(db, tenantId, referencesOf(body));
  const data = ownedBy(tenantId, { ...body, serviceDate: fromDay(body.serviceDate) });
  const row = await db.job.create({ data }).catch((e: unknown) => rethrowCreateError(LABEL, e));
  return toJob(row);
}

/** Cancelling a job cancels its active dispatch with it: no driver goes out for a cancelled job. */
export async function updateJob(db: HaulingDb, tenantId: string, id: string, body: UpdateJobBody): Promise<Job> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await assertReferences(db, tenantId, referencesOf(body));
  const data = { ...body, serviceDate: body.serviceDate ? fromDay(body.serviceDate) : undefined };
  // Only `tx` inside: the root client would deadlock on PGlite's single connection.
  return inTransaction(db, async (tx) => {
    const row = await tx.job.update({ where: ownedBy(tenantId, { id }), data }).catch((e: unknown) => rethrowWriteError(LABEL, e));
    if (body.status === "CANCELLED") {
      await tx.dispatch.updateMany({
        where: ownedBy(tenantId, { jobId: id, status: { notIn: [...FINAL_STATUSES] } }),
        data: { status: "CANCELLED" },
      });
    }
    return toJob(row);
  });
}

/** Deleting a job deletes its dispatches with it (they mean nothing without the job). */
export async function deleteJob(db: HaulingDb, tenantId: string, id: string): Promise<Deleted> {
  if (!looksLikeId(id)) throw new NotFoundError(LABEL);
  await db.job.delete({ where: ownedBy(tenantId, { id }) }).catch((e: unknown) => rethrowWriteError(LABEL, e));
  return deleted(id);
}
