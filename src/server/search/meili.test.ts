// The Meilisearch engine against a small in-memory stand-in for the Meilisearch HTTP API
// (fetch stubbed): which requests it sends, that it waits for every task and fails on a failed
// one, and the reindex swap. The real server is exercised by the contract suite
// (contract.db.test.ts) when MEILI_HOST is set.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../db/client";
import type { SearchDocument } from "./documents";

const rows = new Map<string, SearchDocument>(); // what search_documents holds, by kind:id

vi.mock("./documents", () => ({
  documentRows: async (_db: unknown, kind: string, ids: readonly string[]) =>
    [...new Set(ids)].map((id) => rows.get(`${kind}:${id}`)).filter((d): d is SearchDocument => d !== undefined),
  documentIdPages: async function* (_db: unknown, kind: string, pageSize = 1000) {
    const ids = [...rows.values()].filter((d) => d.kind === kind).map((d) => d.entityId).sort();
    for (let i = 0; i < ids.length; i += pageSize) yield ids.slice(i, i + pageSize);
  },
}));

const { createMeiliEngine, MeiliTaskError } = await import("./meili");

type Doc = Record<string, unknown> & { id: string };
type FakeTask = { uid: number; indexUid: string | null; status: string; type: string; error: { code: string; message: string } | null };

/** Enough of Meilisearch's API for the engine: indexes, documents, settings, tasks, swap, search. */
class FakeMeili {
  indexes = new Map<string, { docs: Map<string, Doc>; settings: Record<string, unknown> }>();
  tasks: FakeTask[] = [];
  requests: { method: string; path: string; body: unknown }[] = [];
  searchResponse: Record<string, unknown> = { hits: [], totalHits: 0, facetDistribution: {} };
  /** task types that fail (as Meilisearch would, e.g. an invalid document) */
  failing = new Set<string>();
  down = false;

  private task(type: string, indexUid: string | null, apply: () => void, refused?: { code: string; message: string }): Response {
    const error = refused ?? (this.failing.has(type) ? { code: "invalid_document_geo_field", message: "The `_geo` field is invalid." } : null);
    if (!error) apply();
    const task: FakeTask = { uid: this.tasks.length, indexUid, type, status: error ? "failed" : "succeeded", error };
    this.tasks.push(task);
    return json(202, { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() });
  }

  private index(uid: string) {
    let i = this.indexes.get(uid);
    if (!i) this.indexes.set(uid, (i = { docs: new Map(), settings: {} }));
    return i;
  }

  fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.down) throw new TypeError("fetch failed");
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const path = url.pathname;
    this.requests.push({ method, path, body });
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/tasks\/(\d+)$/))) {
      const t = this.tasks[Number(m[1])]!;
      return json(200, { ...t, batchUid: t.uid, canceledBy: null, details: {}, duration: "PT0S", enqueuedAt: "", startedAt: "", finishedAt: "" });
    }
    if (path === "/indexes" && method === "POST") return this.task("indexCreation", body.uid, () => this.index(body.uid));
    if (path === "/swap-indexes") {
      const [a, b] = body[0].indexes as [string, string];
      return this.task("indexSwap", null, () => {
        const ia = this.indexes.get(a)!;
        this.indexes.set(a, this.indexes.get(b)!);
        this.indexes.set(b, ia);
      });
    }
    if ((m = path.match(/^\/indexes\/([^/]+)$/))) {
      const uid = m[1]!;
      if (method === "DELETE") {
        // as Meilisearch: the request is accepted, the task fails when the index does not exist
        const missing = this.indexes.has(uid) ? undefined : { code: "index_not_found", message: `Index \`${uid}\` not found.` };
        return this.task("indexDeletion", uid, () => this.indexes.delete(uid), missing);
      }
      if (!this.indexes.has(uid)) return json(404, { message: `Index \`${uid}\` not found.`, code: "index_not_found", type: "invalid_request", link: "" });
      return json(200, { uid, primaryKey: "id", createdAt: "", updatedAt: "" });
    }
    if ((m = path.match(/^\/indexes\/([^/]+)\/(.+)$/))) {
      const [uid, rest] = [m[1]!, m[2]!];
      if (rest === "settings") return this.task("settingsUpdate", uid, () => Object.assign(this.index(uid).settings, body));
      if (rest === "documents" && method === "POST") {
        return this.task("documentAdditionOrUpdate", uid, () => {
          for (const d of body as Doc[]) this.index(uid).docs.set(d.id, d);
        });
      }
      if (rest === "documents/delete-batch") {
        return this.task("documentDeletion", uid, () => {
          for (const id of body as string[]) this.index(uid).docs.delete(id);
        });
      }
      if (rest === "documents" && method === "GET") {
        const all = [...(this.indexes.get(uid)?.docs.keys() ?? [])].sort();
        const offset = Number(url.searchParams.get("offset") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? 20);
        return json(200, { results: all.slice(offset, offset + limit).map((id) => ({ id })), offset, limit, total: all.length });
      }
      if (rest === "stats") return json(200, { numberOfDocuments: this.indexes.get(uid)?.docs.size ?? 0, isIndexing: false, fieldDistribution: {} });
      if (rest === "search") return json(200, { processingTimeMs: 1, query: body.q, page: body.page, hitsPerPage: body.hitsPerPage, totalPages: 1, ...this.searchResponse });
    }
    return json(404, { message: `unexpected ${method} ${path}`, code: "not_found", type: "invalid_request", link: "" });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** The database calls the engine makes itself: reindex's start time, and the documents changed since (`changed`). */
let changed: string[] = [];
const fakeDb = {
  execute: async (query: { queryChunks: unknown[] }) =>
    JSON.stringify(query.queryChunks).includes("now()")
      ? { rows: [{ started: "2026-11-22 10:00:00+00" }] }
      : { rows: changed.map((entity_id) => ({ entity_id })) },
} as unknown as Database;

const BLOIS = { lat: 47.5861, lng: 1.3359 };
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function offerRow(n: number, over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    kind: "offers",
    entityId: ID(n),
    title: `Offre ${n}`,
    owner: "Boulangerie Martin",
    communeInsee: "41018",
    communeName: "Blois",
    wordsNorm: `offre ${n} boulangerie martin blois`,
    contract: "cdi",
    domains: ["D"],
    lat: BLOIS.lat,
    lng: BLOIS.lng,
    startsOn: "2026-12-01",
    expiresOn: null,
    adviserId: null,
    territoryCode: null,
    visible: true,
    display: { jobs: ["Boulanger"] },
    updatedAt: "2026-11-22T09:00:00.000Z",
    ...over,
  };
}

let meili: FakeMeili;
beforeEach(() => {
  rows.clear();
  changed = [];
  meili = new FakeMeili();
  vi.stubGlobal("fetch", meili.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const engineFor = () => createMeiliEngine(fakeDb, { host: "http://meili.test:7700", apiKey: "k", prefix: "t1_", taskTimeoutMs: 2000 });

describe("settings at start", () => {
  it("creates the three indexes with their settings once, before the first use", async () => {
    const engine = engineFor();
    await engine.sync("offers", []); // nothing to do: no request at all
    expect(meili.requests).toEqual([]);
    rows.set(`offers:${ID(1)}`, offerRow(1));
    await engine.sync("offers", [ID(1)]);
    await engine.sync("offers", [ID(1)]);
    expect([...meili.indexes.keys()].sort()).toEqual(["t1_formations", "t1_offers", "t1_profiles"]);
    expect(meili.tasks.filter((t) => t.type === "settingsUpdate")).toHaveLength(3);
    expect(meili.indexes.get("t1_offers")!.settings.filterableAttributes).toContain("_geo");
    expect(meili.indexes.get("t1_profiles")!.settings.filterableAttributes).toContain("visible");
  });

  it("Meilisearch down at start: the call fails, and the next one tries the settings again", async () => {
    const engine = engineFor();
    meili.down = true;
    await expect(engine.searchOffers({ text: "boulanger" })).rejects.toThrow();
    meili.down = false;
    await engine.searchOffers({ text: "boulanger" });
    expect(meili.tasks.filter((t) => t.type === "settingsUpdate")).toHaveLength(3);
  });

  it("refuses an index prefix Meilisearch would reject", () => {
    expect(() => createMeiliEngine(fakeDb, { host: "http://x", prefix: "a b/" })).toThrow(/Préfixe/);
  });
});

describe("sync", () => {
  it("writes the documents that exist and deletes the ids that are gone, waiting for both tasks", async () => {
    const engine = engineFor();
    await engine.ensureSettings();
    meili.indexes.get("t1_offers")!.docs.set(ID(2), { id: ID(2), title: "fermée" });
    rows.set(`offers:${ID(1)}`, offerRow(1));
    await engine.sync("offers", [ID(1), ID(2)]);
    const docs = meili.indexes.get("t1_offers")!.docs;
    expect([...docs.keys()]).toEqual([ID(1)]);
    expect(docs.get(ID(1))).toMatchObject({ id: ID(1), _geo: BLOIS, expiresOn: 99991231, jobs: ["Boulanger"] });
    const writes = meili.requests.filter((r) => r.method !== "GET").slice(-2);
    expect(writes.map((w) => w.path)).toEqual(["/indexes/t1_offers/documents", "/indexes/t1_offers/documents/delete-batch"]);
    expect(writes[1]!.body).toEqual([ID(2)]);
    // each task was polled before going on
    const polled = meili.requests.filter((r) => r.path.startsWith("/tasks/")).map((r) => Number(r.path.split("/")[2]));
    expect(new Set(polled)).toEqual(new Set(meili.tasks.map((t) => t.uid)));
  });

  it("fails when Meilisearch's task failed (the queue row stays)", async () => {
    const engine = engineFor();
    await engine.ensureSettings();
    rows.set(`offers:${ID(1)}`, offerRow(1));
    meili.failing.add("documentAdditionOrUpdate");
    const err = await engine.sync("offers", [ID(1)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliTaskError);
    expect((err as Error).message).toMatch(/failed — invalid_document_geo_field/);
  });
});

describe("search", () => {
  it("sends the parsed words as q and typed values as filters, and maps hits, total and facets", async () => {
    const engine = engineFor();
    meili.searchResponse = {
      hits: [{ id: ID(1), title: "Boulanger", owner: "Boulangerie Martin", communeName: "Blois", contract: "cdi", domains: ["D"], startsOn: "2026-12-01", _geo: BLOIS, _geoDistance: 1234 }],
      totalHits: 7,
      facetDistribution: { contract: { cdi: 5, cdd: 2 }, domains: { D: 7 } },
    };
    const r = await engine.searchOffers({ text: "Boulanjer ; contract = cdi OR 1=1", contracts: ["cdi"], near: { ...BLOIS, radiusKm: 10 }, limit: 5 });
    const sent = meili.requests.find((x) => x.path === "/indexes/t1_offers/search")!.body as Record<string, unknown>;
    expect(sent.q).toBe("boulanjer contract cdi or 1");
    expect(sent.filter).toEqual([expect.stringMatching(/^expiresOn >= \d{8}$/), 'contract IN ["cdi"]', "_geoRadius(47.5861, 1.3359, 10000)"]);
    expect(sent).toMatchObject({ facets: ["contract", "domains"], page: 1, hitsPerPage: 5, matchingStrategy: "all" });
    expect(r).toEqual({
      hits: [{ id: ID(1), title: "Boulanger", employerName: "Boulangerie Martin", communeName: "Blois", contract: "cdi", domain: "D", startsOn: "2026-12-01", distanceKm: 1.2 }],
      total: 7,
      facets: { contract: { cdi: 5, cdd: 2 }, domain: { D: 7 } },
      engine: "meilisearch",
    });
  });

  it("profiles: the scope goes into the filter", async () => {
    const engine = engineFor();
    await engine.searchProfiles({ text: "cariste" }, { adviserId: ID(9), territoryCode: "blois" });
    const sent = meili.requests.find((x) => x.path === "/indexes/t1_profiles/search")!.body as Record<string, unknown>;
    expect(sent.filter).toEqual([`(adviserId = "${ID(9)}" OR (adviserId IS NULL AND territoryCode = "blois"))`]);
    expect(sent.facets).toEqual(["domains"]);
  });
});

describe("reindex without downtime", () => {
  it("fills <index>_new in batches, swaps it in and deletes the old one: the live index then holds exactly the database's documents", async () => {
    const engine = createMeiliEngine(fakeDb, { host: "http://meili.test:7700", prefix: "t1_", batchSize: 2 });
    await engine.ensureSettings();
    meili.indexes.get("t1_offers")!.docs.set(ID(99), { id: ID(99), title: "supprimée" });
    for (const n of [1, 2, 3, 4, 5]) rows.set(`offers:${ID(n)}`, offerRow(n));
    const before = meili.requests.length;
    const r = await engine.reindex("offers");
    expect(r).toEqual({ documents: 5 });
    const writes = meili.requests.slice(before).filter((x) => x.method !== "GET").map((x) => `${x.method} ${x.path}`);
    expect(writes).toEqual([
      "DELETE /indexes/t1_offers_new", // a leftover of an interrupted run (none here: its task fails with index_not_found, fine)
      "POST /indexes",
      "PATCH /indexes/t1_offers_new/settings",
      "POST /indexes/t1_offers_new/documents",
      "POST /indexes/t1_offers_new/documents",
      "POST /indexes/t1_offers_new/documents",
      "POST /swap-indexes",
      "DELETE /indexes/t1_offers_new",
    ]);
    expect([...meili.indexes.get("t1_offers")!.docs.keys()].sort()).toEqual([1, 2, 3, 4, 5].map(ID));
    expect(meili.indexes.has("t1_offers_new")).toBe(false);
  });

  it("catches up after the swap: changes committed during the copy, and ids gone meanwhile", async () => {
    const engine = engineFor();
    await engine.ensureSettings();
    for (const n of [1, 2]) rows.set(`offers:${ID(n)}`, offerRow(n));
    // the copy reads the rows as they are; then, before the swap, offer 2 is closed and offer 1 renamed
    let copied = false;
    const realFetch = meili.fetch;
    vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if (!copied && new URL(String(input)).pathname === "/indexes/t1_offers_new/documents" && init?.method === "POST") {
        copied = true;
        rows.delete(`offers:${ID(2)}`);
        rows.set(`offers:${ID(1)}`, offerRow(1, { title: "Offre renommée" }));
        changed = [ID(1)];
      }
      return res;
    });
    const r = await engine.reindex("offers");
    expect(r).toEqual({ documents: 1 });
    const docs = meili.indexes.get("t1_offers")!.docs;
    expect([...docs.keys()]).toEqual([ID(1)]);
    expect(docs.get(ID(1))!.title).toBe("Offre renommée");
  });

  it("stops before the swap when a batch fails: the live index is untouched", async () => {
    const engine = engineFor();
    await engine.ensureSettings();
    meili.indexes.get("t1_offers")!.docs.set(ID(1), { id: ID(1), title: "en ligne" });
    rows.set(`offers:${ID(1)}`, offerRow(1));
    meili.failing.add("documentAdditionOrUpdate");
    await expect(engine.reindex("offers")).rejects.toBeInstanceOf(MeiliTaskError);
    expect(meili.tasks.some((t) => t.type === "indexSwap")).toBe(false);
    expect(meili.indexes.get("t1_offers")!.docs.get(ID(1))).toEqual({ id: ID(1), title: "en ligne" });
  });
});
