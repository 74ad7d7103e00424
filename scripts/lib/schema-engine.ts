import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg.
// See docs/decisions/002-offline-migrations.md for why and for what is patched here.

export type { SchemaEngine };

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /**
   * PostgreSQL's own error for the last migration script that failed. The engine's
   * error only keeps a summary of it (e.g. "Unique constraint failed: (id)").
   */
  lastScriptError(): pg.DatabaseError | undefined;
  /** Frees the engine and ends its connection pool. */
  dispose(): Promise<void>;
}

/** Prisma schema files as the engine wants them: [path, content]. */
export type SchemaFiles = [path: string, content: string][];

let wasmLoaded: Promise<void> | undefined;

// On a Rust panic the engine hands the message to this global (the Prisma CLI installs
// the same), then throws a bare "RuntimeError: unreachable"; without it the glue fails
// with a TypeError instead and the reason is lost. Printed because the RuntimeError can
// surface as an uncaught exception rather than a rejected call.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: object }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message: string) => console.error(`Prisma schema engine panicked: ${message}`),
};

/**
 * The package's ESM entry imports the .wasm file directly, which Node cannot do, so we
 * instantiate it by hand with the JS glue as its import object (what that entry does).
 */
function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": { ...glue, ...unrefTimers(glue) },
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmLoaded;
}

/**
 * The engine arms timeouts with setTimeout and never clears them (the glue has no
 * clearTimeout import): the 10 s limit on the pg_advisory_lock it takes so that two
 * migrate runs never overlap kept every CLI alive 10 s after its work was done. The
 * operations they guard hold pool connections, which keep the process alive themselves.
 */
function unrefTimers(module: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(module)
      .filter(([name]) => name.startsWith("__wbg_setTimeout_"))
      .map(([name, setTimer]) => [name, (...args: unknown[]) => (setTimer as (...a: unknown[]) => NodeJS.Timeout)(...args).unref()]),
  );
}

export async function openSchemaEngine(url: string, schemaFiles: SchemaFiles): Promise<OpenSchemaEngine> {
  await loadWasm();
  const pool = new pg.Pool({ connectionString: url, Client: CatalogTypesAsTextClient, max: 4 });
  // Like the Prisma CLI: a migration-aware factory, bound so that driver errors reach
  // the engine as values it can report.
  let scriptError: pg.DatabaseError | undefined;
  const factory = bindMigrationAwareSqlAdapterFactory(
    new PatchedPrismaPg(pool, (error) => {
      scriptError = error;
    }),
  );
  try {
    const engine = await glue.SchemaEngine.new({ datamodels: schemaFiles }, () => {}, factory);
    return {
      engine,
      lastScriptError: () => scriptError,
      dispose: async () => {
        engine.free();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

type ScriptErrorListener = (error: pg.DatabaseError) => void;

class PatchedPrismaPg extends PrismaPg {
  constructor(
    pool: pg.Pool,
    private readonly onScriptError: ScriptErrorListener,
  ) {
    super(pool);
  }

  override async connect() {
    return patchAdapter(await super.connect(), this.onScriptError);
  }

  override async connectToShadowDb() {
    return patchAdapter(await super.connectToShadowDb(), this.onScriptError);
  }
}

function patchAdapter<A extends SqlDriverAdapter & { underlyingDriver(): pg.Pool }>(
  adapter: A,
  onScriptError: ScriptErrorListener,
): A {
  /*
   * @prisma/adapter-pg's executeScript splits a script on ";" and sends each piece to
   * the pool separately: that breaks `$$ ... ; ... $$` function bodies and string
   * literals containing ";", may spread one script over several connections, and leaves
   * the first statements applied when a later one fails. The engine uses executeScript
   * to run each migration.sql, so we send the script whole, as one simple-protocol query
   * (no parameters). PostgreSQL runs such a multi-statement query as one implicit
   * transaction: a failing migration leaves nothing behind. That is also what Prisma's
   * native engine does on PostgreSQL (one simple query per migration script).
   */
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      onScriptError(error);
      throw asDriverAdapterError(error);
    }
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns(result.rows)) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

function asDriverAdapterError(error: pg.DatabaseError): DriverAdapterError {
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "N/A",
    severity: error.severity ?? "N/A",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/*
 * The engine reads catalog columns whose types @prisma/adapter-pg cannot map: "char"
 * (oid 18, e.g. pg_constraint.contype, which the engine reads as a character; on
 * PostgreSQL 18 NOT NULL constraints are rows there too), regproc (24) and regclass
 * (2205). Their values are already text; the pool's client relabels those columns as
 * text (25) so the adapter accepts them, and marks the "char" ones on the rows array
 * (which the adapter passes through as is) so queryRaw above can type them Character.
 */
const CHAR_OID = 18;
const TEXT_LIKE_OIDS = new Set([CHAR_OID, 24, 2205]);
const TEXT_OID = 25;
const CHAR_COLUMNS = Symbol("char columns");

function charColumns(rows: unknown): number[] {
  return (rows as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? [];
}

function relabelCatalogColumns(result: unknown) {
  for (const one of Array.isArray(result) ? result : [result]) {
    const { fields = [], rows } = (one ?? {}) as { fields?: { dataTypeID: number }[]; rows?: object };
    const chars: number[] = [];
    fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) chars.push(index);
      if (TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (chars.length > 0 && rows) Object.defineProperty(rows, CHAR_COLUMNS, { value: chars });
  }
}

/**
 * The pool's client class, so that pool.query and checked-out clients (transactions)
 * are both covered. pg-pool calls client.query with a callback, callers await a promise.
 */
class CatalogTypesAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const query = super.query as (...a: unknown[]) => unknown;
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) relabelCatalogColumns(result);
        callback(error, result);
      };
      return query.apply(this, args) as never;
    }
    const returned = query.apply(this, args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        relabelCatalogColumns(result);
        return result;
      }) as never;
    }
    return returned as never; // a Submittable (cursor, stream): not used by the engine
  }
}
