import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client";
import { fixtureFingerprint, prepareFixture } from "./fixture-db";
import { adminUrl, databaseUrlWithName, templateName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

/**
 * Prepares, once per run, the database every test file starts from: a gzip snapshot of a
 * migrated PGlite with reference data (cached under .cache/ by fingerprint), or a
 * PostgreSQL template database that each test file copies.
 */
export async function setup(project: TestProject) {
  const fingerprint = fixtureFingerprint();
  const engine = project.config.env?.TEST_ENGINE;
  if (engine === "postgres") {
    project.provide("postgresTemplate", await preparePostgresTemplate(fingerprint));
    project.provide("pgliteSnapshot", "");
  } else {
    project.provide("pgliteSnapshot", await preparePgliteSnapshot(fingerprint));
    project.provide("postgresTemplate", "");
  }
}

async function preparePgliteSnapshot(fingerprint: string): Promise<string> {
  const dir = path.resolve(".cache/test-db");
  const file = path.join(dir, `pglite-${fingerprint}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const handle = await openDatabase({ engine: "pglite", dataDir: "memory://" });
  await prepareFixture(handle);
  const pglite = (handle as unknown as { pglite: { dumpDataDir: (c: "gzip") => Promise<Blob> } }).pglite;
  const blob = await pglite.dumpDataDir("gzip");
  await handle.close();
  // Write then rename, so a run killed half-way never leaves a broken snapshot.
  writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
  console.log(`[tests] PGlite snapshot prepared in ${Date.now() - t0} ms: ${file}`);
  return file;
}

async function preparePostgresTemplate(fingerprint: string): Promise<string> {
  const url = process.env.TEST_DATABASE_URL!;
  const name = templateName();
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    const existing = await admin.query(
      "select shobj_description(oid, 'pg_database') as fp from pg_database where datname = $1",
      [name],
    );
    if (existing.rows[0]?.fp === fingerprint) return name;
    const t0 = Date.now();
    await admin.query(`update pg_database set datistemplate = false where datname = '${name}'`);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const target = new pg.Client({ connectionString: databaseUrlWithName(url, name) });
    await target.connect();
    for (const ext of ["postgis", "pg_trgm", "unaccent", "btree_gist", "intarray"]) {
      await target.query(`create extension if not exists ${ext}`);
    }
    await target.end();
    const handle = await openDatabase({ engine: "postgres", url: databaseUrlWithName(url, name) });
    await prepareFixture(handle);
    await handle.close();
    await admin.query(`comment on database ${name} is '${fingerprint}'`);
    await admin.query(`update pg_database set datistemplate = true where datname = '${name}'`);
    console.log(`[tests] PostgreSQL template ${name} prepared in ${Date.now() - t0} ms`);
    return name;
  } finally {
    await admin.end();
  }
}
