// Adds `count` direct keys to the demo North division for the API keys page bench (run before the
// server starts, so it may open the embedded database). Every tenth is revoked, as in real use.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { DEMO } from "@/lib/db/demo";
import { runDbScript } from "./run-db-script";

runDbScript(async () => {
  const count = Number(process.argv[2] ?? 1000);
  const db = await getDb();
  const now = Date.now();
  await db.apiKey.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      kind: "DIRECT" as const,
      companyId: DEMO.companies.north.id,
      name: `Bench page key ${i}`,
      description: i % 3 === 0 ? "Created by the bench" : null,
      prefix: `kl_live_${randomBytes(2).toString("hex")}`,
      last4: randomBytes(2).toString("hex"),
      hash: randomBytes(32).toString("hex"),
      scopes: i % 2 === 0 ? ["read:all"] : ["read:jobs", "read:drivers", "write:dispatches"],
      createdAt: new Date(now - i * 60_000),
      lastUsedAt: i % 4 === 0 ? null : new Date(now - i * 30_000),
      expiresAt: i % 5 === 0 ? null : new Date(now + (i + 1) * 86_400_000),
      revokedAt: i % 10 === 9 ? new Date(now - 1000) : null,
    })),
  });
});
