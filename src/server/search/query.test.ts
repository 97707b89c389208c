import { describe, expect, it } from "vitest";
import { MAX_TOKENS, MAX_TOKEN_CHARS, normalizeText, parseQuery } from "./query";
import { MAX_QUERY_CHARS } from "./types";

describe("parseQuery", () => {
  it("lower-cases, removes accents and French stop words", () => {
    expect(parseQuery("Aide à Domicile").tokens).toEqual(["aide", "domicile"]);
    expect(parseQuery("aide a domicile").tokens).toEqual(["aide", "domicile"]);
    expect(parseQuery("Ménage  BLOIS").tokens).toEqual(["menage", "blois"]);
    expect(parseQuery("Agent d'entretien — ménage").tokens).toEqual(["agent", "entretien", "menage"]);
    expect(parseQuery("Cœur de métier").tokens).toEqual(["coeur", "metier"]);
  });

  it("empty or punctuation-only means browse", () => {
    for (const raw of ["", "   ", "!!! ??? ...", "🥖🔥", "-- ; ' \"", "de la", undefined, null, 42]) {
      expect(parseQuery(raw)).toEqual({ tokens: [], text: "", browse: true });
    }
  });

  it("SQL and filter syntax become plain words, never syntax", () => {
    expect(parseQuery("'; drop table offers; --").tokens).toEqual(["drop", "table", "offers"]);
    expect(parseQuery("contract = cdi OR 1=1").tokens).toEqual(["contract", "cdi", "or", "1"]);
    expect(parseQuery("_geoRadius(0,0,1)").tokens).toEqual(["georadius", "0", "1"]);
    expect(parseQuery("boulanger:* & !cariste | (x)").tokens).toEqual(["boulanger", "cariste", "x"]);
    for (const t of parseQuery("a'b\"c\\d%e_f*g:h&i|j!k(l)m<n>o=p").tokens) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("keeps at most 10 distinct words of at most 40 characters, from the first MAX_QUERY_CHARS characters", () => {
    const many = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(" ");
    expect(parseQuery(many).tokens).toHaveLength(MAX_TOKENS);
    expect(parseQuery("x".repeat(100)).tokens).toEqual(["x".repeat(MAX_TOKEN_CHARS)]);
    expect(parseQuery("cariste cariste CARISTE").tokens).toEqual(["cariste"]);
    expect(parseQuery(`${" ".repeat(MAX_QUERY_CHARS)}boulanger`).browse).toBe(true);
    expect(parseQuery("boulanger ".repeat(1000)).tokens).toEqual(["boulanger"]);
  });

  it("normalizeText matches what the database stores (search_norm)", () => {
    expect(normalizeText("Électricien ÇA Œuvre")).toBe("electricien ca oeuvre");
  });
});
