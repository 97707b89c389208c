import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeUser } from "../testing/callers";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { TEST_ENGINE } from "../testing/db";
import { adminUrl, databaseUrlWithName } from "../testing/postgres";
import { statsReport } from "../stats/report";
import { backupDatabase, detectBackupKind, restoreDatabase } from "./backup";
import { openDatabase, queryRows, type Database, type DatabaseConfig } from "./client";

// Back up a seeded database, restore it into a fresh one, and compare what people see: the
// dashboard statistics (fixed date) and row counts, PostGIS points included. Runs against the
// engine of the project: PGlite data directories on disk, or PostgreSQL databases made here.
const NOW = new Date("2026-11-22T11:00:00Z");
const FILTERS = { from: "2026-01", to: "2026-06", territory: null };

let tmp: string;
let source: DatabaseConfig;
let backupFile: string;
const createdDatabases: string[] = [];

async function pgAdmin<T>(fn: (q: (text: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl(process.env.TEST_DATABASE_URL!) });
  await admin.connect();
  try {
    return await fn((text) => admin.query(text));
  } finally {
    await admin.end();
  }
}

/** A new, empty target: a data directory not yet created, or an empty PostgreSQL database. */
async function freshTarget(label: string): Promise<DatabaseConfig> {
  if (TEST_ENGINE === "pglite") return { engine: "pglite", dataDir: path.join(tmp, `${label}-${randomBytes(3).toString("hex")}`) };
  const name = `emploi_test_${label}_${randomBytes(4).toString("hex")}`;
  createdDatabases.push(name);
  await pgAdmin((q) => q(`create database ${name}`));
  return { engine: "postgres", url: databaseUrlWithName(process.env.TEST_DATABASE_URL!, name) };
}

async function withDb<T>(config: DatabaseConfig, fn: (db: Database) => Promise<T>): Promise<T> {
  const h = await openDatabase(config);
  try {
    return await fn(h.db);
  } finally {
    await h.close();
  }
}

async function seed(db: Database) {
  const adviser = await makeUser(db, "adviser", { territoryCode: "blois" });
  const p1 = await makeProfile(db, "41018", { territoryCode: "blois", adviserId: adviser.id });
  await makeProfile(db, "41269", { territoryCode: "vendome" });
  await makeOffer(db, "41018");
  await makeOrganisation(db, "company", 1);
  await db.execute(sql`update beneficiary_profiles set created_at = '2026-02-03T10:00:00Z' where id = ${p1.id}::uuid`);
  const [pl] = await queryRows<{ id: string }>(
    db,
    sql`insert into placements (profile_id, territory_code, job_title, starts_on, status, source)
        values (${p1.id}::uuid, 'blois', 'Agent de service', '2026-03-02'::date, 'active', 'adviser') returning id`,
  );
  await db.execute(sql`insert into check_ins (placement_id, months_after, due_on, status) values (${pl!.id}::uuid, 1, '2026-04-02'::date, 'in_post')`);
}

async function observe(db: Database) {
  const report = await statsReport(db, FILTERS, { now: NOW, today: "2026-11-22" });
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from users)::int as users, (select count(*) from beneficiary_profiles)::int as profiles,
      (select count(*) from offers)::int as offers, (select count(*) from employers)::int as employers,
      (select count(*) from placements)::int as placements, (select count(*) from check_ins)::int as check_ins,
      (select count(*) from communes)::int as communes, (select count(*) from territories)::int as territories`,
  );
  const points = await queryRows<{ p: string }>(db, sql`select st_astext(location::geometry) as p from beneficiary_profiles order by external_id`);
  return { report, counts: counts!, points: points.map((r) => r.p) };
}

let before: Awaited<ReturnType<typeof observe>>;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), "emploi-backup-"));
  backupFile = path.join(tmp, "sauvegarde.bin");
  if (TEST_ENGINE === "pglite") {
    source = { engine: "pglite", dataDir: path.join(tmp, "source") };
    // the migrated test snapshot, loaded into a data directory on disk as in production
    await withDb({ ...source, loadDataDir: new Blob([readFileSync(inject("pgliteSnapshot"))]) }, seed);
  } else {
    const name = `emploi_test_backup_src_${randomBytes(4).toString("hex")}`;
    createdDatabases.push(name);
    await pgAdmin((q) => q(`create database ${name} template ${inject("postgresTemplate")} strategy file_copy`));
    source = { engine: "postgres", url: databaseUrlWithName(process.env.TEST_DATABASE_URL!, name) };
    await withDb(source, seed);
  }
  before = await withDb(source, observe);
});

afterAll(async () => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (TEST_ENGINE === "postgres" && createdDatabases.length > 0) {
    await pgAdmin(async (q) => {
      for (const name of createdDatabases) await q(`drop database if exists ${name} with (force)`);
    });
  }
});

describe(`db backup / restore (${TEST_ENGINE})`, () => {
  it("restores into a fresh database the same statistics, counts and points", { timeout: 120_000 }, async () => {
    expect(before.counts.placements).toBe(1);
    expect(before.report.counts.length).toBeGreaterThan(0);
    const b = await backupDatabase(source, backupFile);
    expect(b.bytes).toBeGreaterThan(1000);
    // the client/server version check really read both versions
    if (TEST_ENGINE === "postgres") expect(b.notes.join()).toMatch(/^pg_dump \d+, serveur PostgreSQL \d+$/);
    expect(await detectBackupKind(backupFile)).toBe(TEST_ENGINE);

    const target = await freshTarget("restore");
    const r = await restoreDatabase(target, backupFile);
    expect(r.movedAside).toBeNull();
    const after = await withDb(target, observe);
    expect(after.counts).toEqual(before.counts);
    expect(after.points).toEqual(before.points);
    expect(after.report).toEqual(before.report);
  });

  it("refuses to overwrite an existing backup file without --force", async () => {
    await expect(backupDatabase(source, backupFile)).rejects.toThrow(/existe déjà.*--force/);
  });

  it.runIf(TEST_ENGINE === "postgres")("refuses to back up with a pg_dump older than the server, naming both versions", async () => {
    // a pg_dump 9.6 first in the PATH (only --version is ever asked of it here)
    const bin = path.join(tmp, "vieux-client");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n", { mode: 0o755 });
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    try {
      await expect(backupDatabase(source, path.join(tmp, "vieux.dump"))).rejects.toThrow(/pg_dump 9 est plus ancien que le serveur PostgreSQL \d+/);
    } finally {
      process.env.PATH = savedPath;
    }
    expect(existsSync(path.join(tmp, "vieux.dump"))).toBe(false);
  });

  it("refuses a non-empty target without --force, and replaces it with --force", { timeout: 120_000 }, async () => {
    const target = await freshTarget("nonempty");
    await restoreDatabase(target, backupFile);
    // a change made after the backup, which the forced restore must undo
    await withDb(target, (db) => makeProfile(db, "41018"));
    await expect(restoreDatabase(target, backupFile)).rejects.toThrow(TEST_ENGINE === "pglite" ? /contient déjà une base.*--force/ : /n'est pas vide.*--force/);
    expect((await withDb(target, observe)).counts.profiles).toBe(before.counts.profiles! + 1);

    const r = await restoreDatabase(target, backupFile, { force: true });
    const after = await withDb(target, observe);
    expect(after.counts).toEqual(before.counts);
    expect(after.report).toEqual(before.report);
    if (target.engine === "pglite") {
      // the replaced base is kept aside, not deleted
      expect(r.movedAside).toMatch(/\.before-restore-/);
      expect(existsSync(path.join(r.movedAside!, "PG_VERSION"))).toBe(true);
    }
  });

  it("refuses the other engine's backup with a clear message", { timeout: 120_000 }, async () => {
    const other = path.join(tmp, "autre-moteur.bin");
    if (TEST_ENGINE === "pglite") {
      // the engine is told by the first bytes alone (checked before anything is read further)
      writeFileSync(other, Buffer.concat([Buffer.from("PGDMP"), randomBytes(64)]));
    } else {
      // a real PGlite backup: an empty PGlite base on disk
      const pglite: DatabaseConfig = { engine: "pglite", dataDir: path.join(tmp, "pglite-vide") };
      await withDb(pglite, async () => {});
      await backupDatabase(pglite, other);
    }
    const target = await freshTarget("wrong");
    const expected = TEST_ENGINE === "pglite" ? /sauvegarde PostgreSQL.*ne peut pas être restaurée dans PGlite/ : /sauvegarde PGlite.*ne peut pas être restaurée dans PostgreSQL/;
    await expect(restoreDatabase(target, other, { force: true })).rejects.toThrow(expected);
  });

  it("rejects a truncated or foreign file with a clear error, leaving the target untouched", async () => {
    const whole = readFileSync(backupFile);
    const truncated = path.join(tmp, "tronquee.bin");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await freshTarget("truncated");
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/illisible ou tronquée|tronquée/);

    const foreign = path.join(tmp, "notes.txt");
    writeFileSync(foreign, "ceci n'est pas une sauvegarde\n");
    await expect(restoreDatabase(target, foreign)).rejects.toThrow(/n'est pas une sauvegarde reconnue/);

    if (target.engine === "pglite") {
      expect(existsSync(target.dataDir)).toBe(false);
      expect(readdirSync(tmp).filter((f) => f.includes(".restauration-"))).toEqual([]);
    } else {
      const [row] = await withDb(target, (db) =>
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tablename <> 'spatial_ref_sys'`),
      );
      expect(row!.n).toBe(0);
    }
  });
});
