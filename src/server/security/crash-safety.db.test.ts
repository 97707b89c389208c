// Crash safety: a child process (crash-child.ts) runs a big import or records a hire on this
// file's database and is killed with SIGKILL while a transaction has written everything but
// not committed. The database, reopened, holds only whole committed work: the import's
// earlier lines each complete (one transaction per line, by design), nothing of the killed
// line; no placement without its check-ins, no hired application without its placement.
// Then it is usable: a new import and the same hire succeed. On PGlite the data directory
// is closed by the test before the child opens it (single process), and reopened after the
// kill, which runs PostgreSQL's crash recovery inside PGlite.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applications } from "../applications/schema";
import { openDatabase, queryRows, type Database, type DatabaseConfig, type DatabaseHandle } from "../db/client";
import { importCsv } from "../imports";
import { setApplicationStatus } from "../recruiting/inbox";
import { TEST_ENGINE } from "../testing/db";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { adminUrl, databaseUrlWithName } from "../testing/postgres";
import type { CrashJob } from "./crash-child";

const CHILD = path.join(import.meta.dirname, "crash-child.ts");
const LINES = 3000;
const PAUSE_AT = 150;

let config: DatabaseConfig;
let cleanup: () => Promise<void>;
let h: DatabaseHandle;
const work = mkdtempSync(path.join(tmpdir(), "crash-safety-"));

beforeAll(async () => {
  if (TEST_ENGINE === "postgres") {
    // a database of this file's own, reachable by URL from the child
    const url = process.env.TEST_DATABASE_URL!;
    const name = `emploi_test_crash_${process.pid}_${randomBytes(4).toString("hex")}`;
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject("postgresTemplate")} strategy file_copy`);
    await admin.end();
    config = { engine: "postgres", url: databaseUrlWithName(url, name) };
    cleanup = async () => {
      const again = new pg.Client({ connectionString: adminUrl(url) });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  } else {
    // the prepared snapshot unpacked into a data directory on disk, which the child can open
    const dataDir = path.join(work, "pglite");
    const first = await openDatabase({ engine: "pglite", dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteSnapshot"))]) });
    await first.close();
    config = { engine: "pglite", dataDir };
    cleanup = async () => {};
  }
  h = await openDatabase(config);
});

afterAll(async () => {
  await h?.close();
  await cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Runs the child until it prints `trigger` (by default its crash point), kills it with SIGKILL
 * `delayMs` later, and returns what it printed.
 */
async function runAndKill(job: CrashJob["job"], trigger = "CRASH-POINT", delayMs = 0): Promise<string> {
  // PGlite is single-process: the data directory is closed while the child has it
  if (config.engine === "pglite") await h.close();
  const spec: CrashJob = config.engine === "pglite" ? { engine: "pglite", dataDir: config.dataDir, job } : { engine: "postgres", url: config.url, job };
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify(spec)], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const reached = await new Promise<boolean>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes(trigger)) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  if (reached) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    child.kill("SIGKILL");
  }
  const { signal } = await exited;
  expect(reached, `the child never reached the crash point:\n${out}\n${err}`).toBe(true);
  expect(signal).toBe("SIGKILL");
  // PGlite: reopening runs the recovery of what the killed process left on disk
  if (config.engine === "pglite") h = await openDatabase(config);
  return out;
}

async function one<T = number>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<{ v: T }>(db, query);
  return (typeof row!.v === "string" && /^\d+$/.test(row!.v) ? Number(row!.v) : row!.v) as T;
}

/** Every row the import writes is whole: a profile with its sought jobs, its point and territory. */
async function brokenProfiles(db: Database): Promise<number> {
  return one(
    db,
    sql`select count(*)::int as v from beneficiary_profiles p
        where p.external_id is not null and (p.location is null or p.territory_code is null
          or not exists (select 1 from profile_jobs j where j.profile_id = p.id and j.kind = 'sought'))`,
  );
}

/** Hires and placements agree, and every placement has its three check-ins. */
async function placementProblems(db: Database) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from applications a
        where (a.status = 'hired') <> exists (select 1 from placements p where p.application_id = a.id)) as disagree,
      (select count(*)::int from placements p where (select count(*) from check_ins c where c.placement_id = p.id) <> 3) as without_check_ins`,
  );
  return { disagree: Number(row!.disagree), withoutCheckIns: Number(row!.without_check_ins) };
}

function csv(prefix: string, lines: number): string {
  const communes = ["41018", "41269", "41242", "41194"];
  const rows = Array.from({ length: lines }, (_, i) => `${prefix}${i + 1};Prénom${i};Nom${i};${communes[i % communes.length]};J1501|10891;oui`);
  return ["external_id;first_name;last_name;commune_insee;jobs;visible", ...rows].join("\n");
}

const count = (db: Database, prefix: string) =>
  one(db, sql`select count(*)::int as v from beneficiary_profiles where external_id like ${`${prefix}%`}`);

describe(`kill -9 in the middle (${TEST_ENGINE})`, () => {
  it(`an import of ${LINES} lines killed inside line ${PAUSE_AT}'s transaction keeps exactly the ${PAUSE_AT - 1} committed lines, each whole`, async () => {
    const file = path.join(work, "big.csv");
    writeFileSync(file, csv("KILL", LINES));
    const out = await runAndKill({ kind: "import", csvFile: file, pauseAt: PAUSE_AT });
    // inside its transaction, the killed line was written: the prefix's count included it
    expect(out).toContain(`CRASH-POINT ${PAUSE_AT} {"profiles":${PAUSE_AT}}`);
    expect(out).not.toContain("DONE");

    // one transaction per line: the lines before are there, the killed one is not, none is half there
    expect(await count(h.db, "KILL")).toBe(PAUSE_AT - 1);
    expect(await one(h.db, sql`select count(*)::int as v from beneficiary_profiles where external_id = ${`KILL${PAUSE_AT}`}`)).toBe(0);
    expect(await brokenProfiles(h.db)).toBe(0);
    // nothing left over from the killed line (jobs or match points without their profile)
    expect(
      await one(h.db, sql`select count(*)::int as v from profile_jobs j where not exists (select 1 from beneficiary_profiles p where p.id = j.profile_id)`),
    ).toBe(0);
    expect(
      await one(h.db, sql`select count(*)::int as v from profile_match_points m where not exists (select 1 from beneficiary_profiles p where p.id = m.profile_id)`),
    ).toBe(0);
  });

  it("the database is usable after the kill: the same import run again completes the file", async () => {
    const report = await importCsv(h.db, "beneficiaries", csv("KILL", 250));
    expect(report).toMatchObject({ created: 250 - (PAUSE_AT - 1), unchanged: PAUSE_AT - 1, rejected: [] });
    expect(await count(h.db, "KILL")).toBe(250);
    expect(await brokenProfiles(h.db)).toBe(0);
  });

  it("an import killed at an arbitrary moment keeps a whole first part of the file: lines 1 to n, each complete", async () => {
    const file = path.join(work, "random.csv");
    writeFileSync(file, csv("RAND", LINES));
    // after the 20th line's commit, a random few milliseconds: inside a line's transaction or between two
    const delay = Math.floor(Math.random() * 300);
    const out = await runAndKill({ kind: "import", csvFile: file, pauseAt: 0 }, "COMMITTED 20\n", delay);
    expect(out).not.toContain("DONE");
    const committed = Math.max(...[...out.matchAll(/COMMITTED (\d+)/g)].map((m) => Number(m[1])));
    const rows = await queryRows<{ external_id: string }>(h.db, sql`select external_id from beneficiary_profiles where external_id like 'RAND%'`);
    const n = rows.length;
    // every commit the child announced is there; at most the one it was writing besides
    expect(n, `killed ${delay} ms after line 20`).toBeGreaterThanOrEqual(committed);
    expect(n).toBeLessThanOrEqual(committed + 1);
    expect(rows.map((r) => r.external_id).sort()).toEqual(Array.from({ length: n }, (_, i) => `RAND${i + 1}`).sort());
    expect(await brokenProfiles(h.db)).toBe(0);
  });

  it("a hire killed before its commit leaves the application as it was, with no placement and no check-in", async () => {
    const company = await makeOrganisation(h.db);
    const profile = await makeProfile(h.db, "41018");
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    const [application] = await h.db.insert(applications).values({ profileId: profile.id, offerId: offer.id }).returning();
    const placementsBefore = await one(h.db, sql`select count(*)::int as v from placements`);
    const checkInsBefore = await one(h.db, sql`select count(*)::int as v from check_ins`);

    const out = await runAndKill({ kind: "hire", applicationId: application!.id, actorId: company.owner.id, pauseAt: 1 });
    // inside its transaction, the hire was complete: status, placement and its three check-ins
    expect(out).toContain('CRASH-POINT 1 {"status":"hired","placements":1,"check_ins":3}');

    expect(await one<string>(h.db, sql`select status as v from applications where id = ${application!.id}::uuid`)).toBe("sent");
    expect(await one(h.db, sql`select count(*)::int as v from placements`)).toBe(placementsBefore);
    expect(await one(h.db, sql`select count(*)::int as v from check_ins`)).toBe(checkInsBefore);
    expect(await placementProblems(h.db)).toEqual({ disagree: 0, withoutCheckIns: 0 });

    // usable: the same hire now goes through, whole
    const change = await setApplicationStatus(h.db, company.owner.id, { applicationId: application!.id, status: "hired" });
    expect(change.placementId).toBeTruthy();
    expect(await one(h.db, sql`select count(*)::int as v from check_ins where placement_id = ${change.placementId}::uuid`)).toBe(3);
    expect(await placementProblems(h.db)).toEqual({ disagree: 0, withoutCheckIns: 0 });
  });
});
