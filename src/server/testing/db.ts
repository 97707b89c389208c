import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database, type DatabaseHandle } from "../db/client";
import { adminUrl, databaseUrlWithName } from "./postgres";

export const TEST_ENGINE = (process.env.TEST_ENGINE ?? "pglite") as "pglite" | "postgres";

/**
 * A database of its own for one test file, already migrated and loaded with the reference
 * data: PGlite restored from the shared snapshot, or a PostgreSQL copy of the template.
 * `close()` releases it (and drops the PostgreSQL copy).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (TEST_ENGINE === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const template = inject("postgresTemplate");
    const name = `emploi_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${template} strategy file_copy`);
    await admin.end();
    const handle = await openDatabase({ engine: "postgres", url: databaseUrlWithName(url, name) });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const again = new pg.Client({ connectionString: adminUrl(url) });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  }
  const snapshot = inject("pgliteSnapshot");
  return openDatabase({ engine: "pglite", dataDir: "memory://", loadDataDir: new Blob([readFileSync(snapshot)]) });
}

/** Row counts of the given tables in one query (to prove that a refused call wrote nothing). */
export async function tableCounts(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const rows = await queryRows<{ t: string; n: number }>(
    db,
    sql.join(
      tables.map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.identifier(t)}`),
      sql` union all `,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}
