// The search queue: search_queue holds the (kind, entity) pairs whose search document changed
// (written by the search_documents triggers, in the write's own transaction). The app's search
// job (src/server/jobs/search-job.ts) drains it into the engine: Meilisearch re-reads those
// documents; PostgreSQL is already current (its sync does nothing) and the rows just go.
//
// Claiming: a short transaction takes due rows with `for update skip locked` and leases them
// (next_attempt_at pushed LEASE_MS ahead), so two drains at once (two app instances, or the
// app and the CLI) never take the same row; the engine is called outside that transaction (it
// reads the database itself, and a slow Meilisearch must not hold row locks). A row is then
// deleted only if it still carries our lease: a write during the sync re-enqueues the row
// (the trigger resets next_attempt_at), and that newer change is synced on the next run.
// Failures keep the row with attempts + 1, the error, and an exponential backoff capped at an
// hour; rows are retried for ever at the cap and reported as stuck by searchQueueStatus.

import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { SEARCH_KINDS, type SearchEngine, type SearchKind } from "./types";

export const FIRST_RETRY_SECONDS = 10;
export const MAX_RETRY_SECONDS = 3600;
/** a claimed row comes back to the queue after this long if its drain died midway */
export const LEASE_MS = 5 * 60_000;
/** from this many failed attempts on, a row counts as stuck (its retries are at the one-hour cap) */
export const STUCK_ATTEMPTS = 10;

/** Seconds to wait after the n-th failed attempt (n ≥ 1): 10 s, 20 s, 40 s… at most one hour. */
export function retryDelaySeconds(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  if (n > 20) return MAX_RETRY_SECONDS; // 2^n would be far past the cap anyway
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (n - 1));
}

type ClaimedRow = { kind: string; entity_id: string; attempts: number };

export type DrainReport = { synced: number; failed: number; batches: number };

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, " ").trim().slice(0, 1000) || "erreur inconnue";
}

/** Takes up to `batch` due rows and leases them until `leaseUntil`; nobody else can take them meanwhile. */
async function claim(db: Database, batch: number, now: Date, leaseUntil: Date): Promise<ClaimedRow[]> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const rows = await queryRows<ClaimedRow>(
      tx,
      sql`select kind, entity_id, attempts from search_queue
          where next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, enqueued_at
          limit ${batch}
          for update skip locked`,
    );
    if (rows.length === 0) return rows;
    await tx.execute(
      sql`update search_queue set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
          where (kind, entity_id) in (${sql.join(
            rows.map((r) => sql`(${r.kind}, ${r.entity_id}::uuid)`),
            sql`, `,
          )})`,
    );
    return rows;
  });
}

const pairs = (kind: string, ids: string[]) => sql.join(ids.map((id) => sql`(${kind}, ${id}::uuid)`), sql`, `);

/**
 * Syncs the due rows into the engine, batch by batch, until none is due (or `maxBatches`).
 * A kind whose sync fails leaves its rows for a later run; the other kinds go on.
 */
export async function drainSearchQueue(
  db: Database,
  engine: Pick<SearchEngine, "sync">,
  options: { batch?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<DrainReport> {
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 20;
  const clock = options.now ?? (() => new Date());
  const report: DrainReport = { synced: 0, failed: 0, batches: 0 };
  while (report.batches < maxBatches) {
    const now = clock();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const rows = await claim(db, batch, now, leaseUntil);
    if (rows.length === 0) break;
    report.batches++;
    const byKind = new Map<string, ClaimedRow[]>();
    for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    for (const [kind, claimed] of byKind) {
      const ids = claimed.map((r) => r.entity_id);
      let failure: unknown = null;
      try {
        if (!(SEARCH_KINDS as readonly string[]).includes(kind)) throw new Error(`Type de document inconnu : ${kind}`);
        await engine.sync(kind as SearchKind, ids);
      } catch (err) {
        failure = err;
      }
      if (failure === null) {
        // only rows still under our lease: one re-enqueued during the sync waits for the next run
        await db.execute(
          sql`delete from search_queue
              where (kind, entity_id) in (${pairs(kind, ids)})
                and next_attempt_at = ${leaseUntil.toISOString()}::timestamptz`,
        );
        report.synced += ids.length;
      } else {
        const failedAt = clock();
        const message = errorText(failure);
        for (const r of claimed) {
          const attempts = Number(r.attempts) + 1;
          const retryAt = new Date(failedAt.getTime() + retryDelaySeconds(attempts) * 1000);
          await db.execute(
            sql`update search_queue
                set attempts = ${attempts}, next_attempt_at = ${retryAt.toISOString()}::timestamptz, last_error = ${message}
                where kind = ${kind} and entity_id = ${r.entity_id}::uuid
                  and next_attempt_at = ${leaseUntil.toISOString()}::timestamptz`,
          );
        }
        report.failed += ids.length;
      }
    }
    if (rows.length < batch) break;
  }
  return report;
}

export type SearchQueueStatus = {
  /** rows waiting, all together */
  total: number;
  /** never tried yet */
  pending: number;
  /** failed at least once, retried with backoff */
  retrying: number;
  /** failed STUCK_ATTEMPTS times or more (retried every hour): someone should look */
  stuck: number;
  byKind: Record<string, number>;
  /** when the oldest waiting row was enqueued (ISO), null when empty */
  oldestEnqueuedAt: string | null;
  /** the most recent errors, newest first */
  lastErrors: { kind: string; entityId: string; attempts: number; error: string }[];
};

export async function searchQueueStatus(db: Database): Promise<SearchQueueStatus> {
  const [counts] = await queryRows<{ total: number; pending: number; retrying: number; stuck: number; oldest: string | null }>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where attempts = 0)::int as pending,
          count(*) filter (where attempts > 0 and attempts < ${STUCK_ATTEMPTS})::int as retrying,
          count(*) filter (where attempts >= ${STUCK_ATTEMPTS})::int as stuck,
          to_char(min(enqueued_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as oldest
        from search_queue`,
  );
  const kinds = await queryRows<{ kind: string; n: number }>(db, sql`select kind, count(*)::int as n from search_queue group by kind order by kind`);
  const errors = await queryRows<{ kind: string; entity_id: string; attempts: number; last_error: string }>(
    db,
    sql`select kind, entity_id, attempts, last_error from search_queue
        where last_error is not null order by next_attempt_at desc limit 5`,
  );
  return {
    total: Number(counts?.total ?? 0),
    pending: Number(counts?.pending ?? 0),
    retrying: Number(counts?.retrying ?? 0),
    stuck: Number(counts?.stuck ?? 0),
    byKind: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])),
    oldestEnqueuedAt: counts?.oldest ?? null,
    lastErrors: errors.map((e) => ({ kind: e.kind, entityId: e.entity_id, attempts: Number(e.attempts), error: e.last_error })),
  };
}
