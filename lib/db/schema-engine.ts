import "server-only";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter — the migration
 * path that needs no native engine download. Used by `npm run db:migration:create` only.
 */

interface Glue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
}

let engineClass: typeof SchemaEngine | null = null;
let lastPanic: string | null = null;

function loadEngineClass(): typeof SchemaEngine {
  if (engineClass) return engineClass;
  // Without a registry, a Rust panic surfaces as an unrelated TypeError.
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      set_message(message: string) {
        lastPanic = message;
      },
    },
  });
  // Node 20 cannot `import` a .wasm file: instantiate it by hand with the JS glue as its imports.
  const entry = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm"));
  const bytes = fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const bindings = glue as unknown as Glue;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  engineClass = bindings.SchemaEngine;
  return engineClass;
}

interface PgliteError {
  message: string;
  code?: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

/** pglite-prisma-adapter 0.7.2 does not await `executeScript`, so failures vanish: await and rethrow. */
async function awaitedScriptAdapter(): Promise<{ adapter: SqlDriverAdapter; pglite: PGlite }> {
  const pglite = await PGlite.create();
  const adapter = await new PrismaPGlite(pglite).connect();
  adapter.executeScript = async (script: string) => {
    try {
      await pglite.exec(script);
    } catch (error) {
      const e = error as PgliteError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "",
        severity: e.severity ?? "ERROR",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return { adapter, pglite };
}

/** Main and shadow databases are fresh in-memory PGlite instances: no server needed to diff. */
class InMemoryPgliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "klau-pglite-memory";
  readonly opened: PGlite[] = [];

  async connect(): Promise<SqlDriverAdapter> {
    const { adapter, pglite } = await awaitedScriptAdapter();
    this.opened.push(pglite);
    return adapter;
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.connect();
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.opened.map((db) => db.close()));
  }
}

/** Runs `work` with a schema engine on in-memory PGlite; engine errors come back readable. */
export async function withSchemaEngine<T>(work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const Engine = loadEngineClass();
  const factory = new InMemoryPgliteFactory();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  try {
    const engine = await Engine.new({ datamodels: undefined }, (log: string) => logs.push(log), bound);
    return await work(engine);
  } catch (error) {
    throw readableEngineError(error, bound.errorRegistry);
  } finally {
    await factory.closeAll();
  }
}

function readableEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  if (lastPanic) return new Error(`Prisma schema engine panicked: ${lastPanic}`);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  // Adapter failures arrive as "External error id#N": recover the original from the registry.
  const match = /External error id#(\d+)/.exec(message);
  const original = match ? registry.consumeError(Number(match[1]))?.error : undefined;
  if (original instanceof Error) return new Error(`${message}: ${original.message}`, { cause: original });
  return error instanceof Error ? error : new Error(message);
}
