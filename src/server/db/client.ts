import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { instanceTimeZone } from "../config/time-zone";

export type Schema = typeof schema;
/** The one database type every module uses, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  engine: Engine;
  /** Human description for logs, never containing a password. */
  description: string;
  close: () => Promise<void>;
};

export type DatabaseConfig =
  | { engine: "postgres"; url: string }
  | { engine: "pglite"; dataDir: string; loadDataDir?: Blob };

/** Reads DATABASE_URL / PGLITE_DIR the way the app, the CLI and the benchmarks all do. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new DatabaseConfigError("DATABASE_URL doit commencer par postgres:// ou postgresql://");
    }
    return { engine: "postgres", url };
  }
  return { engine: "pglite", dataDir: env.PGLITE_DIR?.trim() || ".data/pglite" };
}

export class DatabaseConfigError extends Error {}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(adresse illisible)";
  }
}

/**
 * Every session runs in the instance's time zone, so that SQL's `current_date` (offers expired,
 * formations finished) is the same day as the application's `instanceToday()`: between midnight
 * and 1 a.m. in Paris the UTC date is still yesterday.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const timeZone = instanceTimeZone();
  if (config.engine === "postgres") {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({
      connectionString: config.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 10_000,
      options: `-c TimeZone=${timeZone}`,
    });
    // A pool emits 'error' when an idle client dies (server restart): log it, do not crash.
    pool.on("error", (err) => console.error("[db] connexion PostgreSQL perdue :", err.message));
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseConfigError(
        `Impossible de joindre PostgreSQL (${redactUrl(config.url)}) : ${(err as Error).message}`,
      );
    }
    const db = drizzle(pool, { schema }) as unknown as Database;
    return { db, engine: "postgres", description: `PostgreSQL ${redactUrl(config.url)}`, close: () => pool.end() };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { postgis } = await import("@electric-sql/pglite-postgis");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { intarray } = await import("@electric-sql/pglite/contrib/intarray");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = config.dataDir === "memory://" || config.dataDir === "";
  if (!inMemory) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(config.dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    dataDir: inMemory ? undefined : config.dataDir,
    loadDataDir: config.loadDataDir,
    extensions: { postgis, pg_trgm, unaccent, btree_gist, intarray },
  });
  await client.query("select set_config('TimeZone', $1, false)", [timeZone]);
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    description: inMemory ? "PGlite (en mémoire)" : `PGlite (${config.dataDir})`,
    close: () => client.close(),
    // exposed for test snapshots
    ...({ pglite: client } as object),
  };
}

/**
 * Runs raw SQL and returns its rows, on either engine (both drivers answer `{ rows }`).
 * Counts and sums come back as strings from `pg` and numbers from PGlite: cast in SQL
 * (`::int`, `::float8`) or convert with Number(). Pass lists as `in (${sql.join(...)})` or
 * drizzle's `inArray`, not as one array parameter: PGlite may send an untyped JS array as
 * "a,b,c", which PostgreSQL rejects as a malformed array literal.
 */
export async function queryRows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `a, b, c` as uuid parameters, for `in (…)` (see queryRows on array parameters). */
export function uuidList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}
