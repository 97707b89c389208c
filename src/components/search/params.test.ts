import { describe, expect, it } from "vitest";
import { pageCalls, PAGE_SIZE, parsePublicSearch, publicSearchQuery, MAX_PAGES } from "./params";
import { countSentence, OFFER_NOUN, ofCommune } from "./words";
import { facetOptions } from "./FacetChips";

describe("parsePublicSearch", () => {
  it("reads a full URL", () => {
    expect(parsePublicSearch({ q: "  cariste ", commune: "41018", rayon: "10", contrat: "cdi", domaine: "N", page: "3" })).toEqual({
      q: "cariste",
      commune: "41018",
      rayon: 10,
      contrat: "cdi",
      domaine: "N",
      page: 3,
    });
  });

  it("ignores what it does not know rather than refusing it", () => {
    expect(
      parsePublicSearch({ commune: "41018' or 1=1", rayon: "7", contrat: "stage", domaine: "Z", page: "-2" }),
    ).toEqual({ q: "", commune: null, rayon: 20, contrat: null, domaine: null, page: 1 });
    expect(parsePublicSearch({ page: "9999" }).page).toBe(MAX_PAGES);
    expect(parsePublicSearch({ q: ["a", "b"] }).q).toBe("a");
  });

  it("cuts a very long paste", () => {
    expect(parsePublicSearch({ q: "x".repeat(10_000) }).q).toHaveLength(200);
  });

  it("round-trips through the query string, defaults left out", () => {
    const search = parsePublicSearch({ q: "aide à domicile", commune: "2A004", rayon: "5", contrat: "cdd", page: "2" });
    const back = parsePublicSearch(Object.fromEntries(new URLSearchParams(publicSearchQuery(search))));
    expect(back).toEqual(search);
    expect(publicSearchQuery(parsePublicSearch({}))).toBe("");
    // a distance without a commune means nothing: not written
    expect(publicSearchQuery({ rayon: 10 })).toBe("");
    expect(publicSearchQuery({ commune: "41018", rayon: 20 })).toBe("?commune=41018");
  });
});

describe("pageCalls", () => {
  it("fetches every page shown, in calls of at most the API's limit", () => {
    expect(pageCalls(1, 50)).toEqual([{ limit: PAGE_SIZE, offset: 0 }]);
    expect(pageCalls(3, 50)).toEqual([
      { limit: 50, offset: 0 },
      { limit: 10, offset: 50 },
    ]);
    const calls = pageCalls(MAX_PAGES, 50);
    expect(calls.reduce((n, c) => n + c.limit, 0)).toBe(MAX_PAGES * PAGE_SIZE);
  });
});

describe("countSentence", () => {
  it("says how many, for what and where", () => {
    expect(countSentence({ total: 3, noun: OFFER_NOUN, q: "magasinier", radiusKm: 10, around: ofCommune("Blois") })).toBe(
      "3 offres pour « magasinier » à moins de 10 km de Blois",
    );
    expect(countSentence({ total: 1, noun: OFFER_NOUN, q: "" })).toBe("1 offre");
    expect(countSentence({ total: 0, noun: OFFER_NOUN, q: "xyz", radiusKm: 30, around: "de chez vous" })).toBe(
      "Aucune offre pour « xyz » à moins de 30 km de chez vous",
    );
    expect(ofCommune("Orléans")).toBe("d'Orléans");
  });
});

describe("facetOptions", () => {
  const labels = { cdi: "CDI", cdd: "CDD", interim: "Intérim" };
  const href = (v: string | null) => (v ? `?contrat=${v}` : "?");

  it("lists the values that have results, most first, after « Tous »", () => {
    const options = facetOptions({ cdd: 2, cdi: 5, interim: 0, inconnu: 4 }, labels, null, href);
    expect(options.map((o) => [o.key, o.count, o.selected])).toEqual([
      ["tous", undefined, true],
      ["cdi", 5, false],
      ["cdd", 2, false],
    ]);
  });

  it("keeps the chosen value even when it has no result left", () => {
    const options = facetOptions({ cdi: 5 }, labels, "interim", href);
    expect(options.find((o) => o.key === "interim")).toMatchObject({ count: 0, selected: true, href: "?contrat=interim" });
    expect(options[0]).toMatchObject({ key: "tous", selected: false });
  });

  it("shows nothing when no value has a result", () => {
    expect(facetOptions({}, labels, null, href)).toEqual([]);
  });
});
