import "server-only";
import { randomUUID } from "node:crypto";
import type { DbClient } from "@/lib/db/transaction";
import type { ClaimInput, IdempotencyRecordView, IdempotencyStore, StoredResponse } from "./types";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function headersOf(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** On the root client, or on the transaction of the write it records (lib/api/steps/idempotency.ts). */
export function prismaIdempotencyStore(db: DbClient): IdempotencyStore {
  return {
    async claim(input: ClaimInput) {
      const id = randomUUID();
      try {
        // Insert first: the unique index decides the one winner among concurrent requests.
        await db.idempotencyRecord.create({ data: { id, ...input } });
        return id;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    async find(identity, tenantId, key) {
      const row = await db.idempotencyRecord.findUnique({ where: { identity_tenantId_key: { identity, tenantId, key } } });
      if (!row) return null;
      const response: StoredResponse | null =
        row.completedAt && row.responseStatus !== null
          ? { status: row.responseStatus, body: row.responseBody ?? "", headers: headersOf(row.responseHeaders) }
          : null;
      const view: IdempotencyRecordView = {
        id: row.id,
        fingerprint: row.fingerprint,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        completedAt: row.completedAt,
        response,
      };
      return view;
    },
    async complete(id, response) {
      const { count } = await db.idempotencyRecord.updateMany({
        where: { id, completedAt: null },
        data: {
          responseStatus: response.status,
          responseBody: response.body,
          responseHeaders: response.headers,
          completedAt: new Date(),
        },
      });
      return count === 1;
    },
    async release(id) {
      await db.idempotencyRecord.deleteMany({ where: { id, completedAt: null } });
    },
    async discard(id) {
      await db.idempotencyRecord.deleteMany({ where: { id } });
    },
    async purgeExpired(now) {
      const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
      return count;
    },
  };
}
