// Child process of crash-safety.db.test.ts, run with `node --import tsx`: opens the test's
// database (a PGlite data directory or a PostgreSQL URL), starts a big import or records a
// hire, and once the Nth top-level transaction has written everything but not yet committed,
// prints CRASH-POINT and waits there for the test's kill -9. Production code is untouched:
// the pause comes from a wrapper around db.transaction.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../db/client";
import { importCsv } from "../imports";
import { setApplicationStatus } from "../recruiting/inbox";

export const CRASH_POINT = "CRASH-POINT";

export type CrashJob =
  | { engine: "pglite"; dataDir: string; job: Job }
  | { engine: "postgres"; url: string; job: Job };
type Job =
  | { kind: "import"; csvFile: string; pauseAt: number }
  | { kind: "hire"; applicationId: string; actorId: string; pauseAt: number };

/**
 * db whose Nth top-level transaction stops, its work done and uncommitted, and never returns
 * (pauseAt 0: none stops, and each commit is announced, for a kill at an arbitrary moment).
 */
function pausingAt(db: Database, pauseAt: number, probe: (tx: Database) => Promise<unknown>): Database {
  let n = 0;
  const run = db.transaction as (cb: (tx: unknown) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  const transaction = async (cb: (tx: unknown) => Promise<unknown>, config?: unknown) => {
    const result = await run.call(
      db,
      async (tx: unknown) => {
        const value = await cb(tx);
        if (++n === pauseAt) {
          // what the transaction wrote, as seen from inside it, for the test to compare after the kill
          process.stdout.write(`${CRASH_POINT} ${n} ${JSON.stringify(await probe(tx as Database))}\n`);
          // stay inside the open transaction until killed (the interval keeps the process alive)
          setInterval(() => {}, 60_000);
          await new Promise(() => {});
        }
        return value;
      },
      config,
    );
    if (pauseAt === 0) process.stdout.write(`COMMITTED ${n}\n`);
    return result;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "transaction") return transaction;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function main() {
  const spec = JSON.parse(process.argv[2]!) as CrashJob;
  const handle = await openDatabase(spec.engine === "pglite" ? { engine: "pglite", dataDir: spec.dataDir } : { engine: "postgres", url: spec.url });
  const job = spec.job;
  const probe = async (tx: Database) =>
    job.kind === "import"
      ? (await queryRows(tx, sql`select count(*)::int as profiles from beneficiary_profiles where external_id like 'KILL%'`))[0]
      : (
          await queryRows(
            tx,
            sql`select a.status, count(distinct p.id)::int as placements, count(c.id)::int as check_ins
                from applications a left join placements p on p.application_id = a.id left join check_ins c on c.placement_id = p.id
                where a.id = ${job.applicationId}::uuid group by a.status`,
          )
        )[0];
  const db = pausingAt(handle.db, job.pauseAt, probe);
  process.stdout.write("OPENED\n");
  if (job.kind === "import") {
    const report = await importCsv(db, "beneficiaries", readFileSync(job.csvFile, "utf8"));
    process.stdout.write(`DONE ${JSON.stringify({ created: report.created, rejected: report.rejected.length })}\n`);
  } else {
    await setApplicationStatus(db, job.actorId, { applicationId: job.applicationId, status: "hired" });
    process.stdout.write("DONE\n");
  }
  await handle.close();
}

main().catch((err) => {
  process.stderr.write(`crash-child: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
