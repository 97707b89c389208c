import { describe, expect, it } from "vitest";
import type { SearchDocument } from "./documents";
import {
  buildFilters,
  buildSearchRequest,
  dayNumber,
  distanceKmOf,
  facetsOf,
  formationHit,
  geoRadiusFilter,
  haversineKm,
  jobSynonyms,
  meiliSettings,
  MeiliFilterValueError,
  NO_EXPIRY,
  offerHit,
  profileHit,
  quoteFilterValue,
  scopeFilter,
  toMeiliDocument,
} from "./meili-settings";
import { MAX_LIMIT } from "./types";

const TODAY = "2026-11-22";
const BLOIS = { lat: 47.5861, lng: 1.3359 };
const ROMORANTIN = { lat: 47.3594, lng: 1.7428 };

const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({
  kind: "offers",
  entityId: "0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e",
  title: "Boulanger",
  owner: "Boulangerie Martin",
  communeInsee: "41018",
  communeName: "Blois",
  wordsNorm: "boulanger boulangerie martin blois",
  contract: "cdi",
  domains: ["D"],
  lat: BLOIS.lat,
  lng: BLOIS.lng,
  startsOn: "2026-12-01",
  expiresOn: "2027-01-31",
  adviserId: null,
  territoryCode: null,
  visible: true,
  display: { jobs: ["Boulanger / Boulangère"] },
  updatedAt: "2026-11-22T10:00:00.000Z",
  ...over,
});

describe("index settings", () => {
  it("searches the title first, then jobs, owner, commune and the words", () => {
    expect(meiliSettings("offers").searchableAttributes).toEqual(["title", "jobs", "owner", "communeName", "words"]);
  });

  it("makes every filtered field filterable, per kind, and _geo/startsOn sortable", () => {
    expect(meiliSettings("offers").filterableAttributes).toEqual(expect.arrayContaining(["contract", "domains", "_geo", "expiresOn"]));
    expect(meiliSettings("profiles").filterableAttributes).toEqual(
      expect.arrayContaining(["domains", "_geo", "visible", "adviserId", "territoryCode"]),
    );
    expect(meiliSettings("formations").filterableAttributes).not.toContain("visible");
    expect(meiliSettings("formations").sortableAttributes).toEqual(["_geo", "startsOn"]);
  });

  it("tolerates one typo from 4 letters (boulanjer has 9), French stop words, French locale", () => {
    const s = meiliSettings("offers");
    expect(s.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } });
    expect("boulanjer".length).toBeGreaterThanOrEqual(s.typoTolerance!.minWordSizeForTypos!.oneTypo!);
    expect(s.stopWords).toEqual(expect.arrayContaining(["a", "de", "la", "le", "les"]));
    expect(s.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["fra"] }]);
  });

  it("maps every word of a synonym group to the others, both ways", () => {
    const syn = jobSynonyms();
    expect(syn.menage).toEqual(expect.arrayContaining(["entretien", "nettoyage"]));
    expect(syn.entretien).toContain("menage");
    expect(syn.nettoyage).toContain("menage");
    expect(syn.cariste).toContain("chariot");
    expect(syn.chariot).toContain("cariste");
    expect(syn["aide domicile"]).toContain("auxiliaire vie");
    expect(syn["auxiliaire vie"]).toContain("aide domicile");
    expect(syn.serveur).toEqual(["serveuse"]);
    expect(syn.boulangere).toContain("boulanger");
    for (const [word, others] of Object.entries(syn)) expect(others).not.toContain(word);
  });

  it("writes synonyms in the form the query arrives in (lower case, unaccented, no stop words)", () => {
    for (const word of Object.keys(jobSynonyms())) {
      expect(word).toMatch(/^[a-z0-9 ]+$/);
      expect(word.split(" ")).not.toContain("de");
      expect(word.split(" ")).not.toContain("a");
    }
  });
});

describe("documents", () => {
  it("maps a row: id, _geo, jobs from display, expiry as a number", () => {
    expect(toMeiliDocument(doc())).toEqual({
      id: "0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e",
      title: "Boulanger",
      owner: "Boulangerie Martin",
      communeName: "Blois",
      communeInsee: "41018",
      jobs: ["Boulanger / Boulangère"],
      words: "boulanger boulangerie martin blois",
      contract: "cdi",
      domains: ["D"],
      _geo: { lat: BLOIS.lat, lng: BLOIS.lng },
      startsOn: "2026-12-01",
      expiresOn: 20270131,
      adviserId: null,
      territoryCode: null,
      visible: true,
      display: { jobs: ["Boulanger / Boulangère"] },
    });
  });

  it("leaves _geo out without a point and gives no expiry the far-future day", () => {
    const d = toMeiliDocument(doc({ lat: null, lng: null, expiresOn: null, display: {} }));
    expect(d).not.toHaveProperty("_geo");
    expect(d.expiresOn).toBe(NO_EXPIRY);
    expect(d.jobs).toEqual([]);
  });

  it("reads dates strictly", () => {
    expect(dayNumber("2026-02-03")).toBe(20260203);
    expect(() => dayNumber("03/02/2026")).toThrow();
  });
});

describe("filters from typed values only", () => {
  it("quotes plain values", () => {
    expect(quoteFilterValue("cdi")).toBe('"cdi"');
    expect(quoteFilterValue("blois-agglo")).toBe('"blois-agglo"');
    expect(quoteFilterValue("0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e")).toBe('"0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e"');
  });

  it.each([
    'cdi" OR visible = false OR contract = "x',
    'blois\\',
    "blois\\\" OR 1=1",
    "a b",
    "",
    "x\ny",
    "_geoRadius(0,0,1)",
    "cdi OR visible = false",
  ])("refuses %j: a quote, a backslash, spaces or brackets can never leave the string", (value) => {
    expect(() => quoteFilterValue(value)).toThrow(MeiliFilterValueError);
  });

  it("offers: not expired, any of the contracts, any of the domains, within the radius", () => {
    const f = buildFilters("offers", { text: "", contracts: ["cdi", "cdd"], domains: ["D", "K"], near: { ...BLOIS, radiusKm: 10 } }, null, TODAY);
    expect(f).toEqual([
      "expiresOn >= 20261122",
      'contract IN ["cdi", "cdd"]',
      'domains IN ["D", "K"]',
      "_geoRadius(47.5861, 1.3359, 10000)",
    ]);
  });

  it("a contract smuggling filter syntax makes the search fail instead of widening it", () => {
    const evil = 'cdi"] OR visible = false OR contract IN ["' as never;
    expect(() => buildFilters("offers", { text: "", contracts: [evil] }, null, TODAY)).toThrow(MeiliFilterValueError);
  });

  it("geo filters take finite numbers only", () => {
    expect(geoRadiusFilter({ lat: 47.5, lng: 1.3, radiusKm: 2.5 })).toBe("_geoRadius(47.5, 1.3, 2500)");
    expect(geoRadiusFilter({ lat: 1e-7, lng: -2, radiusKm: 1 })).toBe("_geoRadius(0.0000001, -2, 1000)");
    expect(() => geoRadiusFilter({ lat: Number.NaN, lng: 1, radiusKm: 1 })).toThrow(MeiliFilterValueError);
    expect(() => geoRadiusFilter({ lat: 1, lng: Infinity, radiusKm: 1 })).toThrow(MeiliFilterValueError);
    expect(() => geoRadiusFilter({ lat: 1, lng: 1, radiusKm: -5 })).toThrow(MeiliFilterValueError);
  });

  it("profile scopes: adviser (own + territory's unassigned), visible only, everyone", () => {
    const id = "0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e";
    expect(scopeFilter({ adviserId: id, territoryCode: "blois" })).toBe(
      `(adviserId = "${id}" OR (adviserId IS NULL AND territoryCode = "blois"))`,
    );
    expect(scopeFilter({ adviserId: id, territoryCode: null })).toBe(`adviserId = "${id}"`);
    expect(scopeFilter({ visibleOnly: true })).toBe("visible = true");
    expect(scopeFilter({ all: true })).toBeNull();
    expect(() => scopeFilter({ adviserId: id, territoryCode: 'blois" OR adviserId EXISTS OR territoryCode = "' })).toThrow(MeiliFilterValueError);
  });

  it("a profile search without a scope is refused; offers and formations ignore expiry/contract rules they do not have", () => {
    expect(() => buildFilters("profiles", { text: "" }, null, TODAY)).toThrow(MeiliFilterValueError);
    expect(buildFilters("profiles", { text: "" }, { visibleOnly: true }, TODAY)).toEqual(["visible = true"]);
    expect(buildFilters("formations", { text: "", contracts: ["cdi"] }, null, TODAY)).toEqual([]);
  });
});

describe("search request", () => {
  it("sends only the parsed words as q, whatever was typed, and never puts them in the filter", () => {
    const typed = `boulanjer contract = "cdi" OR 1=1 _geoRadius(0,0,1) '; drop table offers; -- 🥖`;
    const r = buildSearchRequest("offers", { text: typed }, null, TODAY);
    expect(r.q).toMatch(/^[a-z0-9 ]*$/);
    expect(r.q.split(" ")).toContain("boulanjer");
    expect(r.params.filter).toEqual(["expiresOn >= 20261122"]);
    expect(r.params.matchingStrategy).toBe("all");
  });

  it("10,000 characters or only emojis/punctuation give a short or empty q (browse), no error", () => {
    expect(buildSearchRequest("offers", { text: "a".repeat(10_000) }, null, TODAY).q.length).toBeLessThanOrEqual(200);
    const browse = buildSearchRequest("offers", { text: "🙂🙂 !!! ;;" }, null, TODAY);
    expect(browse.q).toBe("");
    expect(browse.params.sort).toEqual(["startsOn:desc"]);
  });

  it("with a point: nearest first among equals, through _geoPoint (which returns _geoDistance)", () => {
    const r = buildSearchRequest("formations", { text: "cariste", near: { ...BLOIS, radiusKm: 10 } }, null, TODAY);
    expect(r.params.sort).toEqual(["_geoPoint(47.5861, 1.3359):asc", "startsOn:desc"]);
    expect(r.params.facets).toEqual(["domains"]);
    expect(buildSearchRequest("offers", { text: "cariste" }, null, TODAY).params.sort).toEqual(["startsOn:desc"]);
  });

  it("pages with page/hitsPerPage (exact totals), limit clamped, unaligned offsets sliced", () => {
    const p = buildSearchRequest("offers", { text: "", limit: 10, offset: 20 }, null, TODAY);
    expect(p).toMatchObject({ skip: 0, limit: 10, params: { page: 3, hitsPerPage: 10 } });
    const big = buildSearchRequest("offers", { text: "", limit: 10_000 }, null, TODAY);
    expect(big.params.hitsPerPage).toBe(MAX_LIMIT);
    const odd = buildSearchRequest("offers", { text: "", limit: 10, offset: 5 }, null, TODAY);
    expect(odd).toMatchObject({ skip: 5, limit: 10, params: { page: 1, hitsPerPage: 15 } });
    const neg = buildSearchRequest("offers", { text: "", limit: -3, offset: -7 }, null, TODAY);
    expect(neg).toMatchObject({ skip: 0, limit: 1, params: { page: 1, hitsPerPage: 1 } });
  });
});

describe("hits and facets", () => {
  it("offer hit with Meilisearch's distance (metres → km, 0.1)", () => {
    const hit = { ...toMeiliDocument(doc()), _geoDistance: 4249 };
    expect(offerHit(hit, { ...BLOIS, radiusKm: 10 })).toEqual({
      id: "0b7c2a52-6f0e-4a8e-9d7e-3f1c2b4a5d6e",
      title: "Boulanger",
      employerName: "Boulangerie Martin",
      communeName: "Blois",
      contract: "cdi",
      domain: "D",
      startsOn: "2026-12-01",
      distanceKm: 4.2,
    });
    expect(offerHit(hit, undefined).distanceKm).toBeNull();
  });

  it("computes the distance from _geo when Meilisearch gave none", () => {
    const km = haversineKm(BLOIS, ROMORANTIN);
    expect(km).toBeGreaterThan(38);
    expect(km).toBeLessThan(40);
    const hit = toMeiliDocument(doc({ lat: ROMORANTIN.lat, lng: ROMORANTIN.lng }));
    expect(distanceKmOf(hit, { ...BLOIS, radiusKm: 50 })).toBe(Math.round(km * 10) / 10);
  });

  it("formation and profile hits", () => {
    expect(formationHit(toMeiliDocument(doc({ kind: "formations", contract: null, domains: ["N", "D"] })), undefined)).toMatchObject({
      providerName: "Boulangerie Martin",
      domains: ["N", "D"],
      distanceKm: null,
    });
    const p = toMeiliDocument(
      doc({
        kind: "profiles",
        owner: "Léa Martin",
        adviserId: "11111111-1111-1111-1111-111111111111",
        display: { firstName: "Léa", lastName: "Martin", externalId: "FT-42", jobs: ["Cariste"] },
      }),
    );
    expect(profileHit(p, undefined)).toEqual({
      id: p.id,
      firstName: "Léa",
      lastName: "Martin",
      externalId: "FT-42",
      communeName: "Blois",
      jobs: ["Cariste"],
      adviserId: "11111111-1111-1111-1111-111111111111",
      distanceKm: null,
    });
  });

  it("facets: contract only for offers, domains → domain", () => {
    const dist = { contract: { cdi: 2, cdd: 1 }, domains: { D: 3 } };
    expect(facetsOf("offers", dist)).toEqual({ contract: { cdi: 2, cdd: 1 }, domain: { D: 3 } });
    expect(facetsOf("profiles", dist)).toEqual({ domain: { D: 3 } });
    expect(facetsOf("offers", undefined)).toEqual({ contract: {}, domain: {} });
  });
});
