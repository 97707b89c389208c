import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../db/client";
import { drainSearchQueue, LEASE_MS, MAX_RETRY_SECONDS, retryDelaySeconds, searchQueueStatus, STUCK_ATTEMPTS } from "./queue";
import type { SearchKind } from "./types";

let h: DatabaseHandle;
beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.db.execute(sql`delete from search_queue`);
});

type QueueRow = { kind: string; entity_id: string; attempts: number; next_attempt_at: string; last_error: string | null };

async function queueRows(): Promise<QueueRow[]> {
  return queryRows<QueueRow>(
    h.db,
    sql`select kind, entity_id, attempts, to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as next_attempt_at, last_error
        from search_queue order by kind, entity_id`,
  );
}

async function enqueue(kind: string, n: number, at = new Date(Date.now() - 1000)): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids) {
    await h.db.execute(sql`insert into search_queue (kind, entity_id, next_attempt_at, enqueued_at) values (${kind}, ${id}::uuid, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)`);
  }
  return ids;
}

/** A SearchEngine's sync that records what it was asked, failing for the kinds in `failing`. */
function fakeEngine(failing: Set<string> = new Set(), delayMs = 0) {
  const calls: { kind: SearchKind; ids: string[] }[] = [];
  return {
    calls,
    async sync(kind: SearchKind, ids: string[]) {
      calls.push({ kind, ids: [...ids] });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (failing.has(kind)) throw new Error(`Meilisearch injoignable\n(${kind})`);
    },
  };
}

describe("backoff schedule", () => {
  it("doubles from 10 s and stays at one hour", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(9)).toBe(2560);
    expect(retryDelaySeconds(10)).toBe(MAX_RETRY_SECONDS);
    expect(retryDelaySeconds(1000)).toBe(MAX_RETRY_SECONDS);
    expect(retryDelaySeconds(0)).toBe(10);
  });
});

describe("draining the search queue", () => {
  it("syncs due rows grouped by kind, then deletes them", async () => {
    const offers = await enqueue("offers", 3);
    const profiles = await enqueue("profiles", 2);
    const engine = fakeEngine();
    const r = await drainSearchQueue(h.db, engine);
    expect(r).toEqual({ synced: 5, failed: 0, batches: 1 });
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls.find((c) => c.kind === "offers")!.ids.sort()).toEqual([...offers].sort());
    expect(engine.calls.find((c) => c.kind === "profiles")!.ids.sort()).toEqual([...profiles].sort());
    expect(await queueRows()).toEqual([]);
  });

  it("leaves rows not yet due alone", async () => {
    await enqueue("offers", 2, new Date(Date.now() + 60_000));
    const engine = fakeEngine();
    expect(await drainSearchQueue(h.db, engine)).toEqual({ synced: 0, failed: 0, batches: 0 });
    expect(engine.calls).toEqual([]);
    expect(await queueRows()).toHaveLength(2);
  });

  it("on failure: attempts + 1, the error kept, retried after the backoff; the other kinds go on", async () => {
    const now = new Date("2026-11-22T10:00:00.000Z");
    const [offer] = await enqueue("offers", 1, new Date(now.getTime() - 1000));
    await enqueue("formations", 1, new Date(now.getTime() - 1000));
    const engine = fakeEngine(new Set(["offers"]));
    const r = await drainSearchQueue(h.db, engine, { now: () => now });
    expect(r).toEqual({ synced: 1, failed: 1, batches: 1 });
    const rows = await queueRows();
    expect(rows).toEqual([
      { kind: "offers", entity_id: offer, attempts: 1, next_attempt_at: "2026-11-22T10:00:10.000Z", last_error: "Meilisearch injoignable (offers)" },
    ]);

    // not due 5 s later; due after 10 s, fails again: 20 s more
    expect((await drainSearchQueue(h.db, engine, { now: () => new Date(now.getTime() + 5_000) })).batches).toBe(0);
    const later = new Date(now.getTime() + 10_000);
    await drainSearchQueue(h.db, engine, { now: () => later });
    expect((await queueRows())[0]).toMatchObject({ attempts: 2, next_attempt_at: "2026-11-22T10:00:30.000Z" });

    // Meilisearch back: the row goes
    const healthy = fakeEngine();
    expect(await drainSearchQueue(h.db, healthy, { now: () => new Date(now.getTime() + 30_000) })).toMatchObject({ synced: 1, failed: 0 });
    expect(healthy.calls).toEqual([{ kind: "offers", ids: [offer] }]);
    expect(await queueRows()).toEqual([]);
  });

  it("an unknown kind fails like an engine error instead of being dropped", async () => {
    await enqueue("bogus", 1);
    const engine = fakeEngine();
    expect(await drainSearchQueue(h.db, engine)).toMatchObject({ synced: 0, failed: 1 });
    expect(engine.calls).toEqual([]);
    expect((await queueRows())[0]).toMatchObject({ attempts: 1, last_error: "Type de document inconnu : bogus" });
  });

  it("works through several batches in one run", async () => {
    await enqueue("offers", 7);
    const engine = fakeEngine();
    const r = await drainSearchQueue(h.db, engine, { batch: 3 });
    expect(r).toEqual({ synced: 7, failed: 0, batches: 3 });
    expect(engine.calls.map((c) => c.ids.length)).toEqual([3, 3, 1]);
    expect(await queueRows()).toEqual([]);
  });

  it("two drains at once never sync the same row (skip locked + lease)", async () => {
    const ids = await enqueue("offers", 12);
    const a = fakeEngine(new Set(), 20);
    const b = fakeEngine(new Set(), 20);
    const [ra, rb] = await Promise.all([drainSearchQueue(h.db, a, { batch: 2 }), drainSearchQueue(h.db, b, { batch: 2 })]);
    const seen = [...a.calls, ...b.calls].flatMap((c) => c.ids);
    expect(seen.sort()).toEqual([...ids].sort()); // each exactly once
    expect(ra.synced + rb.synced).toBe(12);
    expect(await queueRows()).toEqual([]);
  });

  it("a row written again during its sync stays for the next run (the newer change is not lost)", async () => {
    const [id] = await enqueue("offers", 1);
    const engine = {
      calls: 0,
      async sync() {
        engine.calls++;
        // what the search_documents trigger does when the entity changes meanwhile
        await h.db.execute(sql`update search_queue set attempts = 0, next_attempt_at = now() where entity_id = ${id!}::uuid`);
      },
    };
    expect(await drainSearchQueue(h.db, engine, { maxBatches: 1 })).toMatchObject({ synced: 1 });
    expect(await queueRows()).toHaveLength(1);
  });

  it("a drain that died midway gives its rows back after the lease", async () => {
    const now = new Date("2026-11-22T12:00:00.000Z");
    await enqueue("offers", 1, new Date(now.getTime() - 1000));
    const dying = { sync: () => new Promise<void>(() => {}) }; // never returns: the process is gone
    void drainSearchQueue(h.db, dying, { now: () => now });
    await new Promise((r) => setTimeout(r, 200));
    const other = fakeEngine();
    expect((await drainSearchQueue(h.db, other, { now: () => new Date(now.getTime() + LEASE_MS - 1000) })).batches).toBe(0);
    expect((await drainSearchQueue(h.db, other, { now: () => new Date(now.getTime() + LEASE_MS) })).synced).toBe(1);
  });
});

describe("queue status", () => {
  it("counts pending, retrying and stuck rows, per kind, with the oldest and the last errors", async () => {
    expect(await searchQueueStatus(h.db)).toMatchObject({ total: 0, pending: 0, stuck: 0, oldestEnqueuedAt: null, lastErrors: [] });
    await enqueue("offers", 2, new Date("2026-11-20T08:00:00.000Z"));
    const [p] = await enqueue("profiles", 2, new Date("2026-11-21T08:00:00.000Z"));
    await h.db.execute(sql`update search_queue set attempts = ${STUCK_ATTEMPTS}, last_error = 'index_not_found' where entity_id = ${p!}::uuid`);
    const [o] = (await queueRows()).filter((r) => r.kind === "offers");
    await h.db.execute(sql`update search_queue set attempts = 2, last_error = 'timeout' where entity_id = ${o!.entity_id}::uuid`);
    const s = await searchQueueStatus(h.db);
    expect(s).toMatchObject({
      total: 4,
      pending: 2,
      retrying: 1,
      stuck: 1,
      byKind: { offers: 2, profiles: 2 },
      oldestEnqueuedAt: "2026-11-20T08:00:00Z",
    });
    expect(s.lastErrors.map((e) => e.error).sort()).toEqual(["index_not_found", "timeout"]);
  });
});
