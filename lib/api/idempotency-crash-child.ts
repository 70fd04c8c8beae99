/**
 * Child process of idempotency-crash.int.test.ts: sends one idempotent POST through the pipeline on
 * the configured database (DATABASE_URL, or the embedded one in KLAU_DATA_DIR). With
 * KLAU_TEST_CRASH_AFTER_WRITE=1 it dies by SIGKILL after the write, before the commit.
 * Arguments: the API key, the Idempotency-Key, the JSON body.
 */
import { disconnectDb, getDb } from "@/lib/db/client";
import { crashHookFromEnv } from "./crash-hook";
import { runPipeline } from "./pipeline";
import { createDispatchRoute, databaseDeps, idempotentPost } from "./testing-database";

const [secret = "", key = "", body = ""] = process.argv.slice(2);
const db = await getDb();
const deps = databaseDeps(db, { beforeIdempotentCommit: crashHookFromEnv() });
const response = await runPipeline(idempotentPost(secret, key, body), {}, createDispatchRoute.spec, createDispatchRoute.handler, deps);
process.stdout.write(`${response.status}\n`);
await disconnectDb();
