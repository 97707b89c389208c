// The Meilisearch engine (when MEILI_HOST is set), through the official `meilisearch` client.
// One index per kind (`<prefix>offers`, `<prefix>formations`, `<prefix>profiles`), fed from
// search_documents (documents.ts) by the search queue (queue.ts) and rebuilt without downtime
// by reindex (a `_new` index filled, then swapped in). Every write waits for its Meilisearch
// task and fails when the task failed: a queue row is deleted only once Meilisearch has it.
// Settings, filters, documents and hits are built in meili-settings.ts (pure, unit-tested).

import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type IndexSwap, type Task } from "meilisearch";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { loadInstanceConfig } from "../config/config";
import { documentIdPages, documentRows } from "./documents";
import {
  buildSearchRequest,
  facetsOf,
  formationHit,
  meiliSettings,
  offerHit,
  profileHit,
  toMeiliDocument,
  type MeiliDocument,
  type MeiliHit,
  type MeiliSearchRequest,
} from "./meili-settings";
import {
  SEARCH_KINDS,
  type ProfileScope,
  type SearchEngine,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from "./types";

export type MeiliEngineOptions = {
  host: string;
  apiKey?: string;
  /** index names start with it; default: the instance id + "_" */
  prefix?: string;
  /** how long a write may wait for its task (ms); default 60 s */
  taskTimeoutMs?: number;
  /** documents per addDocuments call on reindex */
  batchSize?: number;
};

export class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(
      `Tâche Meilisearch ${task.uid} (${task.type}, index ${task.indexUid ?? "—"}) : ${task.status}` +
        (task.error ? ` — ${task.error.code} : ${task.error.message}` : ""),
    );
  }
}

export type MeiliEngine = SearchEngine & {
  readonly prefix: string;
  indexUid(kind: SearchKind): string;
  /** applies the settings to the three indexes (creating them if needed); done once per process before the first use */
  ensureSettings(): Promise<void>;
  /** the ids stored in a kind's index (for checks and reconciliation) */
  storedIds(kind: SearchKind): Promise<string[]>;
  /** deletes the three indexes (tests with a throw-away prefix) */
  dropIndexes(): Promise<void>;
};

export function defaultIndexPrefix(): string {
  return `${loadInstanceConfig().id}_`;
}

const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;

export function createMeiliEngine(db: Database, options: MeiliEngineOptions): MeiliEngine {
  const prefix = options.prefix ?? defaultIndexPrefix();
  if (!INDEX_UID.test(`${prefix}offers_new`)) throw new Error(`Préfixe d'index Meilisearch invalide : ${prefix}`);
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
  const waitOptions = { timeout: options.taskTimeoutMs ?? 60_000, interval: 50 };
  const batchSize = options.batchSize ?? 1000;
  const indexUid = (kind: SearchKind) => `${prefix}${kind}`;

  /** Waits for the task; a failed or canceled task is an error. */
  async function done(enqueued: EnqueuedTaskPromise): Promise<Task> {
    const task = await enqueued.waitTask(waitOptions);
    if (task.status !== "succeeded") throw new MeiliTaskError(task);
    return task;
  }

  async function indexExists(uid: string): Promise<boolean> {
    try {
      await client.getRawIndex(uid);
      return true;
    } catch (err) {
      if (err instanceof MeilisearchApiError && err.cause?.code === "index_not_found") return false;
      throw err;
    }
  }

  /** Deletes an index and waits; an index that does not exist is fine. */
  async function dropIndex(uid: string): Promise<void> {
    const task = await client.deleteIndex(uid).waitTask(waitOptions);
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found") throw new MeiliTaskError(task);
  }

  async function applySettings(uid: string, kind: SearchKind): Promise<void> {
    if (!(await indexExists(uid))) await done(client.createIndex(uid, { primaryKey: "id" }));
    await done(client.index(uid).updateSettings(meiliSettings(kind)));
  }

  let settingsApplied: Promise<void> | null = null;
  function ensureSettings(): Promise<void> {
    settingsApplied ??= (async () => {
      for (const kind of SEARCH_KINDS) await applySettings(indexUid(kind), kind);
    })().catch((err) => {
      settingsApplied = null; // Meilisearch down at start: try again on the next call
      throw err;
    });
    return settingsApplied;
  }

  async function search<Hit>(
    kind: SearchKind,
    query: SearchQuery,
    scope: ProfileScope | null,
    toHit: (hit: MeiliHit, near: SearchQuery["near"]) => Hit,
  ): Promise<SearchResult<Hit>> {
    await ensureSettings();
    const request = buildSearchRequest(kind, query, scope, instanceToday());
    const res = await client.index(indexUid(kind)).search<MeiliHit, MeiliSearchRequest["params"]>(request.q, request.params);
    const hits = (res.hits as MeiliHit[]).slice(request.skip, request.skip + request.limit).map((h) => toHit(h, query.near));
    return {
      hits,
      total: res.totalHits,
      facets: facetsOf(kind, res.facetDistribution),
      engine: "meilisearch",
    };
  }

  /** Writes the documents these ids have now; returns the ids that have one. */
  async function writeDocuments(uid: string, kind: SearchKind, ids: readonly string[]): Promise<Set<string>> {
    const docs = await documentRows(db, kind, ids);
    if (docs.length > 0) {
      await done(client.index<MeiliDocument>(uid).addDocuments(docs.map(toMeiliDocument), { primaryKey: "id" }));
    }
    return new Set(docs.map((d) => d.entityId));
  }

  async function storedIdsOf(uid: string): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await client.index<MeiliDocument>(uid).getDocuments({ fields: ["id"], limit: 1000, offset });
      ids.push(...page.results.map((d) => String(d.id)));
      if (page.results.length < 1000) return ids;
    }
  }

  async function sync(kind: SearchKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await ensureSettings();
    const uid = indexUid(kind);
    const present = await writeDocuments(uid, kind, ids);
    // an id without a row is not searchable any more (closed, expired, erased, deleted)
    const gone = [...new Set(ids)].filter((id) => !present.has(id));
    if (gone.length > 0) await done(client.index(uid).deleteDocuments(gone));
  }

  /**
   * A new index `<uid>_new` with the settings and every document, swapped with the live one
   * (searches keep answering from the old index until the swap), then the old one deleted.
   * Changes committed while the copy ran are caught up after the swap: documents updated since
   * the start are written again, and ids the new index holds but the database no longer has
   * are deleted.
   */
  async function reindex(kind: SearchKind): Promise<{ documents: number }> {
    await ensureSettings();
    const uid = indexUid(kind);
    const fresh = `${uid}_new`;
    const started = (await queryRows<{ started: string }>(db, sql`select now()::text as started`))[0]!.started;
    await dropIndex(fresh); // left by an interrupted run
    await done(client.createIndex(fresh, { primaryKey: "id" }));
    await done(client.index(fresh).updateSettings(meiliSettings(kind)));
    for await (const page of documentIdPages(db, kind, batchSize)) await writeDocuments(fresh, kind, page);
    // `rename` left out (false by default): servers older than the field would refuse it
    await done(client.swapIndexes([{ indexes: [uid, fresh] } as IndexSwap]));
    await done(client.deleteIndex(fresh));
    // catch-up: writes committed during the copy may have gone to the old index only
    const changed = await changedSince(db, kind, started);
    for (let i = 0; i < changed.length; i += batchSize) await sync(kind, changed.slice(i, i + batchSize));
    const live = new Set<string>();
    for await (const page of documentIdPages(db, kind, 5000)) for (const id of page) live.add(id);
    const stale = (await storedIdsOf(uid)).filter((id) => !live.has(id));
    if (stale.length > 0) await done(client.index(uid).deleteDocuments(stale));
    const stats = await client.index(uid).getStats();
    return { documents: stats.numberOfDocuments };
  }

  return {
    name: "meilisearch",
    prefix,
    indexUid,
    ensureSettings,
    storedIds: async (kind) => storedIdsOf(indexUid(kind)),
    async dropIndexes() {
      for (const kind of SEARCH_KINDS) {
        await dropIndex(indexUid(kind));
        await dropIndex(`${indexUid(kind)}_new`);
      }
      settingsApplied = null;
    },
    searchOffers: (query) => search("offers", query, null, offerHit),
    searchFormations: (query) => search("formations", query, null, formationHit),
    searchProfiles: (query, scope) => search("profiles", query, scope, profileHit),
    sync,
    reindex,
  };
}

/**
 * Ids of a kind whose document was rebuilt around or after `since` (a PostgreSQL timestamp).
 * updated_at is the writing transaction's start time: one that began a little before the
 * reindex but committed during the copy is caught by the 10-minute margin (a few documents
 * written twice cost nothing).
 */
async function changedSince(db: Database, kind: SearchKind, since: string): Promise<string[]> {
  const rows = await queryRows<{ entity_id: string }>(
    db,
    sql`select entity_id from search_documents
        where kind = ${kind} and updated_at >= ${since}::timestamptz - interval '10 minutes'`,
  );
  return rows.map((r) => r.entity_id);
}
