import type pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { selectRows, shareAdapterPool } from "./pool-statements";

const statement = Prisma.sql`SELECT "id" FROM "Job" WHERE "companyId" = ${"tenant-1"} LIMIT ${3}`;

function fakeClient() {
  return { $queryRaw: vi.fn(async () => [{ id: "via-prisma" }]) };
}

describe("selectRows", () => {
  it("sends the statement's text and values to the adapter's pool when the client shares one", async () => {
    const db = fakeClient();
    const query = vi.fn(async () => ({ rows: [{ id: "via-pool" }] }));
    shareAdapterPool(db as unknown as PrismaClient, { query, on: vi.fn() } as unknown as pg.Pool);
    expect(await selectRows(db as unknown as PrismaClient, statement)).toEqual([{ id: "via-pool" }]);
    expect(query).toHaveBeenCalledWith('SELECT "id" FROM "Job" WHERE "companyId" = $1 LIMIT $2', ["tenant-1", 3]);
    expect(db.$queryRaw).not.toHaveBeenCalled();
  });

  it("uses Prisma's $queryRaw on a client without a shared pool (a transaction client, in-memory PGlite)", async () => {
    const tx = fakeClient();
    expect(await selectRows(tx as unknown as PrismaClient, statement)).toEqual([{ id: "via-prisma" }]);
    expect(tx.$queryRaw).toHaveBeenCalledWith(statement);
  });

  it("keeps the pool out of the client's enumerable properties (nothing logs or spreads it)", () => {
    const db = fakeClient();
    shareAdapterPool(db as unknown as PrismaClient, { on: vi.fn() } as unknown as pg.Pool);
    expect(Object.keys(db)).toEqual(["$queryRaw"]);
  });

  it("listens for a broken idle connection's error on the pool, so it cannot end the process", () => {
    const on = vi.fn();
    shareAdapterPool(fakeClient() as unknown as PrismaClient, { on } as unknown as pg.Pool);
    expect(on).toHaveBeenCalledWith("error", expect.any(Function));
  });
});
