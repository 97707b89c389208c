// Property-based checks of the query parser: whatever a person (or a robot) types, parseQuery
// returns a few short plain words and never throws; what it returns parses back to itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TOKEN_CHARS, MAX_TOKENS, parseQuery } from "./query";

// letters of any script are kept by design ("données" → "donnees", "東京" stays), so the
// invariant is: only letters and digits, lower case where the script has a case, no accents
const TOKEN = /^[\p{L}\p{N}]+$/u;
const LATIN_TOKEN = /^[a-z0-9]+$/;

/** Strings likely to break a tokenizer: syntax of both engines, accents, emojis, separators. */
const nasty = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(
    fc.constantFrom("AND", "OR", "NOT", "'", '"', ":", "*", "(", ")", "&", "|", "!", "<->", "--", ";", "\\", "%", "_", "é", "Œuvre", "ÉTÉ", "ﬁ", "İ", "ß", "👩‍⚕️", "\u0000", "\u200b", "\ud800", " ", "\t", "\n", "de", "la", "aide", "soignant", "12", "x".repeat(60)),
    { maxLength: 40 },
  ).map((parts) => parts.join(" ")),
);

function checkShape(raw: unknown) {
  const parsed = parseQuery(raw);
  expect(parsed.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
  for (const token of parsed.tokens) {
    // characters are code points (a letter outside the BMP is one character, two UTF-16 units)
    expect([...token].length).toBeGreaterThanOrEqual(1);
    expect([...token].length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
    expect(token.isWellFormed()).toBe(true);
    expect(token).toMatch(TOKEN);
    expect(token).toBe(token.toLowerCase());
    expect(token.normalize("NFD")).not.toMatch(/\p{M}/u);
  }
  expect(new Set(parsed.tokens).size).toBe(parsed.tokens.length);
  expect(parsed.text).toBe(parsed.tokens.join(" "));
  expect(parsed.browse).toBe(parsed.tokens.length === 0);
  return parsed;
}

describe("parseQuery on arbitrary input", () => {
  it("never throws and returns at most 10 unique plain words of 1–40 characters", () => {
    fc.assert(fc.property(nasty, (raw) => void checkShape(raw)), { numRuns: 500 });
  });

  it("tokens of ASCII input are made of a-z and 0-9 only", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 300 }), (raw) => {
        for (const token of checkShape(raw).tokens) expect(token).toMatch(LATIN_TOKEN);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent: parsing its own output gives the same words", () => {
    fc.assert(
      fc.property(nasty, (raw) => {
        const once = parseQuery(raw);
        expect(parseQuery(once.text)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it("spells out a ligature that carried an accent, as it does a plain one (found by the property above)", () => {
    // "Ǣ" became "æ" once its macron was removed, after ligatures had been spelled out
    expect(parseQuery("Ǣ").tokens).toEqual(["ae"]);
    expect(parseQuery("Œ̂uvre ǽ").tokens).toEqual(["oeuvre", "ae"]);
    for (const raw of ["Ǣ", "ǽ", "Œ̂"]) expect(parseQuery(parseQuery(raw).text)).toEqual(parseQuery(raw));
  });

  it("cuts a long word of letters outside the BMP between characters, not inside one", () => {
    // (cut at 40 UTF-16 units, this ended in half of a 𐊀: a lone surrogate)
    const word = `a${"𐊀".repeat(50)}`;
    expect(parseQuery(word).tokens).toEqual([`a${"𐊀".repeat(MAX_TOKEN_CHARS - 1)}`]);
  });

  it("copes with very long input (100,000 characters) quickly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }), (chunk) => {
        const started = performance.now();
        checkShape(chunk.repeat(Math.ceil(100_000 / chunk.length)));
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 20 },
    );
  });

  it("non-string input is an empty search, not an error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constant(undefined)).filter((v) => typeof v !== "string"), (raw) => {
        expect(checkShape(raw)).toEqual({ tokens: [], text: "", browse: true });
      }),
      { numRuns: 100 },
    );
  });
});
