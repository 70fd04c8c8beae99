// Test helper process: opens the configured (embedded) database like the app does, writes a marker row,
// prints "ready" and holds the database until it receives SIGTERM.
import { getDb } from "../client";

const db = await getDb();
await db.company.upsert({
  where: { id: "f0000000-0000-4000-8000-000000000001" },
  create: { id: "f0000000-0000-4000-8000-000000000001", name: "Written by the holder" },
  update: {},
});
console.log("ready");
setInterval(() => undefined, 60_000);
