// One contract, two engines: the same seeded offers, formations and profiles, the same
// queries, the same expected hits. PostgreSQL always; Meilisearch whenever MEILI_HOST is set
// (MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=… npx vitest run --project db-pglite
// src/server/search/contract.db.test.ts), each run in indexes of its own prefix.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database, type DatabaseHandle } from "../db/client";
import { upsertEmployer } from "../organisations/employers";
import { clearMatchingData, communePoint, makeFormation, makeOffer, makeProfile } from "../testing/factories";
import { makeUser } from "../testing/callers";
import { createPostgresEngine } from "./postgres";
import type { GeoFilter, SearchEngine, SearchResult } from "./types";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

const BLOIS = "41018";
const VENDOME = "41269";
const ROMORANTIN = "41194";
const daysFromNow = (n: number) => addDays(instanceToday(), n);

type Seeded = Awaited<ReturnType<typeof seed>>;

/** The known set every engine is checked against (the database is emptied first). */
async function seed(db: Database) {
  await clearMatchingData(db);
  const bakery = await upsertEmployer(db, { name: "Fournil du Château" });
  const care = await upsertEmployer(db, { name: "Soins et Présence" });
  const logistics = await upsertEmployer(db, { name: "Entrepôts Val de Loire" });
  const cleaning = await upsertEmployer(db, { name: "Propreté Solognote" });
  const offer = (insee: string, title: string, romeCode: string, employerId: string, more: Record<string, unknown> = {}) =>
    makeOffer(db, insee, { title, romeCode, employerId, ...more }).then((o) => o.id);
  const offers = {
    baker: await offer(BLOIS, "Boulanger", "D1102", bakery, { contract: "cdi" }),
    homeCare: await offer(VENDOME, "Aide à domicile", "K1304", care, { contract: "cdd" }),
    forkliftBlois: await offer(BLOIS, "Cariste", "N1101", logistics, { contract: "interim" }),
    forkliftRomorantin: await offer(ROMORANTIN, "Cariste", "N1101", logistics, { contract: "cdi" }),
    cleaningBlois: await offer(BLOIS, "Agent d'entretien — ménage", "K2204", cleaning, { contract: "cdd" }),
    cleaningVendome: await offer(VENDOME, "Agent d'entretien — ménage", "K2204", cleaning, { contract: "cdi" }),
    closedBaker: await offer(BLOIS, "Boulanger de nuit", "D1102", bakery, { status: "closed" }),
    expiredBaker: await offer(BLOIS, "Boulanger tourier", "D1102", bakery, { expiresOn: daysFromNow(-3) }),
  };
  const formations = {
    forklift: (await makeFormation(db, BLOIS, { title: "CACES cariste R489", romeCodes: ["N1101"], providerName: "AFPA Blois" })).id,
    homeCare: (await makeFormation(db, VENDOME, { title: "Assistant de vie aux familles", romeCodes: ["K1304"], providerName: "GRETA" })).id,
    draftBaker: (await makeFormation(db, BLOIS, { title: "CAP Boulanger", romeCodes: ["D1102"], status: "draft" })).id,
  };
  const adviser = await makeUser(db, "adviser", { territoryCode: "blois" });
  const otherAdviser = await makeUser(db, "adviser", { territoryCode: "blois" });
  const person = (first: string, last: string, insee: string, more: Record<string, unknown> = {}) =>
    makeProfile(db, insee, { firstName: first, lastName: last, jobs: [{ kind: "sought", romeCode: "N1101", label: "Cariste" }], ...more }).then((p) => p.id);
  const profiles = {
    followed: await person("Amandine", "Lefèvre", BLOIS, { adviserId: adviser.id, territoryCode: "blois" }),
    unassigned: await person("Bastien", "Moreau", BLOIS, { territoryCode: "blois" }),
    hidden: await person("Clarisse", "Dubreuil", BLOIS, { visibleToEmployers: false, territoryCode: "blois" }),
    elsewhere: await person("Damien", "Rocher", VENDOME, { territoryCode: "vendome" }),
    otherAdvisers: await person("Élodie", "Garnier", BLOIS, { adviserId: otherAdviser.id, territoryCode: "blois" }),
    erased: await person("Fabien", "Effacé", BLOIS, { territoryCode: "blois" }),
  };
  // erased the way the privacy module does it: the row is gone
  await db.execute(sql`delete from beneficiary_profiles where id = ${profiles.erased}::uuid`);
  return { offers, formations, profiles, adviser, otherAdviser };
}

async function near(db: Database, insee: string, radiusKm: number): Promise<GeoFilter> {
  const { point } = await communePoint(db, insee);
  return { ...point, radiusKm };
}

const ids = (r: SearchResult<{ id: string }>) => r.hits.map((h) => h.id);

function facetTotals<H>(r: SearchResult<H>, key: (h: H) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const h of r.hits) for (const k of key(h)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const BAD_INPUTS = [
  "",
  "   ",
  "x".repeat(10_000),
  "boulanger ".repeat(1_000),
  "!!! ??? ... ;;; ---",
  "'; drop table offers; --",
  "contract = cdi OR 1=1",
  "_geoRadius(0,0,1)",
  'title = "x" AND visible = false',
  "🧑‍🍳🥖🔥",
  "\u0000\u0001 boulanger \\ % _ * :* & | ! ( )",
];

/** Runs the contract against an engine made for the seeded database. */
export function searchContract(name: string, makeEngine: (db: Database) => Promise<SearchEngine>, options: { skip?: boolean } = {}) {
  describe.skipIf(Boolean(options.skip))(`search contract: ${name}`, () => {
    let h: DatabaseHandle;
    let engine: SearchEngine;
    let s: Seeded;

    beforeAll(async () => {
      const { openTestDatabase } = await import("../testing/db");
      h = await openTestDatabase();
      s = await seed(h.db);
      engine = await makeEngine(h.db);
      await engine.sync("offers", Object.values(s.offers));
      await engine.sync("formations", Object.values(s.formations));
      await engine.sync("profiles", Object.values(s.profiles));
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it("a typo finds the job: 'boulanjer' finds Boulanger", async () => {
      const r = await engine.searchOffers({ text: "boulanjer" });
      expect(ids(r)).toContain(s.offers.baker);
      expect(r.hits.find((x) => x.id === s.offers.baker)).toMatchObject({
        title: "Boulanger",
        employerName: "Fournil du Château",
        communeName: "Blois",
        contract: "cdi",
        domain: "D",
        distanceKm: null,
      });
    });

    it("accents and stop words are forgiven: 'aide a domicile' finds Aide à domicile first", async () => {
      const r = await engine.searchOffers({ text: "aide a domicile" });
      expect(ids(r)[0]).toBe(s.offers.homeCare);
      expect(ids(r)).not.toContain(s.offers.baker);
    });

    it("'ménage blois' finds the cleaning offer in Blois and not the one in Vendôme", async () => {
      const r = await engine.searchOffers({ text: "ménage blois" });
      expect(ids(r)).toEqual([s.offers.cleaningBlois]);
      expect(r.total).toBe(1);
    });

    it("'cariste' within 10 km of Blois excludes the one in Romorantin, which is found without the filter", async () => {
      const everywhere = await engine.searchOffers({ text: "cariste" });
      expect(ids(everywhere).sort()).toEqual([s.offers.forkliftBlois, s.offers.forkliftRomorantin].sort());
      const around = await engine.searchOffers({ text: "cariste", near: await near(h.db, BLOIS, 10) });
      expect(ids(around)).toEqual([s.offers.forkliftBlois]);
      expect(around.hits[0]!.distanceKm).not.toBeNull();
      expect(around.hits[0]!.distanceKm!).toBeLessThan(10);
    });

    it("facet counts equal the hits counted by contract and by domain", async () => {
      for (const text of ["", "cariste", "entretien", "boulanger"]) {
        const r = await engine.searchOffers({ text, limit: 50 });
        expect(r.total).toBe(r.hits.length);
        expect(r.facets.contract).toEqual(facetTotals(r, (x) => [x.contract]));
        expect(r.facets.domain).toEqual(facetTotals(r, (x) => (x.domain ? [x.domain] : [])));
      }
      const browse = await engine.searchOffers({ text: "", limit: 50 });
      expect(browse.total).toBe(6);
      expect(browse.facets.contract).toEqual({ cdi: 3, cdd: 2, interim: 1 });
      expect(browse.facets.domain).toEqual({ D: 1, K: 3, N: 2 });
    });

    it("contract and domain filters narrow the hits and their facets", async () => {
      const cdd = await engine.searchOffers({ text: "", contracts: ["cdd"], limit: 50 });
      expect(ids(cdd).sort()).toEqual([s.offers.homeCare, s.offers.cleaningBlois].sort());
      expect(cdd.facets.contract).toEqual({ cdd: 2 });
      const logistics = await engine.searchOffers({ text: "", domains: ["N"], limit: 50 });
      expect(ids(logistics).sort()).toEqual([s.offers.forkliftBlois, s.offers.forkliftRomorantin].sort());
    });

    it("closed and expired offers drop out", async () => {
      const r = await engine.searchOffers({ text: "boulanger", limit: 50 });
      expect(ids(r)).toEqual([s.offers.baker]);
      const browse = await engine.searchOffers({ text: "", limit: 50 });
      expect(ids(browse)).not.toContain(s.offers.closedBaker);
      expect(ids(browse)).not.toContain(s.offers.expiredBaker);
    });

    it("an empty query near Blois browses everything, nearest first", async () => {
      const r = await engine.searchOffers({ text: "", near: await near(h.db, BLOIS, 200), limit: 50 });
      expect(r.total).toBe(6);
      const distances = r.hits.map((x) => x.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances[0]).toBeLessThan(5);
      expect(r.hits.at(-1)!.id).toBe(s.offers.forkliftRomorantin);
    });

    it("pages do not overlap and keep the total", async () => {
      const first = await engine.searchOffers({ text: "", limit: 4, offset: 0 });
      const second = await engine.searchOffers({ text: "", limit: 4, offset: 4 });
      expect(first.total).toBe(6);
      expect(second.total).toBe(6);
      expect(first.hits).toHaveLength(4);
      expect(second.hits).toHaveLength(2);
      expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
    });

    it("formations: by word, by typo, by place; drafts never", async () => {
      const caces = await engine.searchFormations({ text: "caces" });
      expect(ids(caces)).toEqual([s.formations.forklift]);
      expect(caces.hits[0]).toMatchObject({ title: "CACES cariste R489", providerName: "AFPA Blois", domains: ["N"], communeName: "Blois" });
      expect(ids(await engine.searchFormations({ text: "asistant de vie" }))).toEqual([s.formations.homeCare]);
      expect(ids(await engine.searchFormations({ text: "boulanger" }))).toEqual([]);
      const around = await engine.searchFormations({ text: "", near: await near(h.db, VENDOME, 10) });
      expect(ids(around)).toEqual([s.formations.homeCare]);
      expect(around.facets.domain).toEqual({ K: 1 });
    });

    it("a profile hidden from employers never comes back to visibleOnly, but does to its adviser's territory", async () => {
      expect(ids(await engine.searchProfiles({ text: "dubreuil" }, { visibleOnly: true }))).toEqual([]);
      expect(ids(await engine.searchProfiles({ text: "" }, { visibleOnly: true }))).not.toContain(s.profiles.hidden);
      expect(ids(await engine.searchProfiles({ text: "dubreuil" }, { all: true }))).toEqual([s.profiles.hidden]);
    });

    it("an erased profile never comes back, whatever the scope", async () => {
      expect(ids(await engine.searchProfiles({ text: "fabien effacé" }, { all: true }))).toEqual([]);
      expect(ids(await engine.searchProfiles({ text: "", limit: 50 }, { all: true }))).not.toContain(s.profiles.erased);
    });

    it("an adviser finds their people and their territory's unassigned people, no one else", async () => {
      const scope = { adviserId: s.adviser.id, territoryCode: "blois" };
      const r = await engine.searchProfiles({ text: "", limit: 50 }, scope);
      expect(ids(r).sort()).toEqual([s.profiles.followed, s.profiles.unassigned, s.profiles.hidden].sort());
      const byName = await engine.searchProfiles({ text: "lefevre" }, scope);
      expect(byName.hits).toEqual([
        expect.objectContaining({ id: s.profiles.followed, firstName: "Amandine", lastName: "Lefèvre", communeName: "Blois", jobs: ["Cariste"], adviserId: s.adviser.id }),
      ]);
      expect(ids(await engine.searchProfiles({ text: "garnier" }, scope))).toEqual([]);
      expect(ids(await engine.searchProfiles({ text: "rocher" }, scope))).toEqual([]);
      expect(ids(await engine.searchProfiles({ text: "lefebvre" }, scope))).toEqual([s.profiles.followed]);
    });

    it("bad input is never an error: empty or sensible results, and the tables are still there", async () => {
      for (const text of BAD_INPUTS) {
        const offers = await engine.searchOffers({ text });
        expect(Array.isArray(offers.hits)).toBe(true);
        expect(offers.total).toBeGreaterThanOrEqual(offers.hits.length);
        await engine.searchFormations({ text });
        const people = await engine.searchProfiles({ text }, { visibleOnly: true });
        expect(ids(people)).not.toContain(s.profiles.hidden);
      }
      // filter syntax typed as text never widens the results
      expect((await engine.searchOffers({ text: "contract = cdi OR 1=1" })).total).toBe(0);
      expect((await engine.searchOffers({ text: "_geoRadius(0,0,1)" })).total).toBe(0);
      // a very long paste is cut, not refused: its first words still search
      expect(ids(await engine.searchOffers({ text: "boulanger ".repeat(1_000) }))).toEqual([s.offers.baker]);
      const [count] = await queryRows<{ n: number | string }>(h.db, sql`select count(*) as n from offers`);
      expect(Number(count!.n)).toBe(8);
    });
  });
}

searchContract("postgres", async (db) => createPostgresEngine(db));

searchContract(
  "meilisearch",
  async (db) => {
    const { createMeiliEngine } = await import("./meili");
    return createMeiliEngine(db, {
      host: process.env.MEILI_HOST!,
      apiKey: process.env.MEILI_API_KEY,
      prefix: `contract_${process.pid}_${Date.now().toString(36)}_`,
    });
  },
  { skip: !process.env.MEILI_HOST },
);

