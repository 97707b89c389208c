// What a person types → the words both engines look for. Whatever the input holds (10,000
// characters, emojis, SQL, Meilisearch filter syntax), the result is a short list of plain
// lower-case unaccented words made only of letters and digits: never an error, and nothing
// that could be read as syntax (the engines pass these words as parameters only).

import { MAX_QUERY_CHARS } from "./types";

export const MAX_TOKENS = 10;
export const MAX_TOKEN_CHARS = 40;

/**
 * French words that say nothing about a job or a place ("aide a domicile" → aide, domicile):
 * PostgreSQL's french.stop, unaccented (but not "ete": a summer job), plus a few prepositions.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set([
  "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je", "la",
  "le", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on",
  "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes",
  "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "a", "m", "n", "s", "t",
  "y", "etee", "etees", "etes", "etant", "etante", "etants", "etantes", "suis", "es", "est", "sommes",
  "sont", "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions", "seriez",
  "seraient", "etais", "etait", "etions", "etiez", "etaient", "fus", "fut", "fumes", "futes", "furent",
  "sois", "soit", "soyons", "soyez", "soient", "fusse", "fusses", "fussions", "fussiez", "fussent",
  "ayant", "ayante", "ayantes", "ayants", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont",
  "aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez",
  "auraient", "avais", "avait", "avions", "aviez", "avaient", "eut", "eumes", "eutes", "eurent", "aie",
  "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses", "eussions", "eussiez", "eussent", "ils",
  "elles", "les", "chez", "sans", "sous", "vers", "entre",
]);

/** Lower case, accents removed, ligatures spelled out (œ → oe): the form words_norm is stored in. */
export function normalizeText(text: string): string {
  // accents first: "Ǣ" loses its macron to become "æ", then spelled out like any "æ"
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

export type ParsedQuery = {
  /** the words to match, in the order typed, without duplicates */
  tokens: string[];
  /** the same words joined by spaces (what Meilisearch receives as q) */
  text: string;
  /** true when nothing searchable was typed: browse everything */
  browse: boolean;
};

export function parseQuery(raw: unknown): ParsedQuery {
  const input = typeof raw === "string" ? raw.slice(0, MAX_QUERY_CHARS) : "";
  const tokens: string[] = [];
  for (const word of normalizeText(input).split(/[^\p{L}\p{N}]+/u)) {
    if (!word || FRENCH_STOP_WORDS.has(word)) continue;
    // letters of any script are kept (they are never syntax); everything else split on
    // cut by code points: slicing UTF-16 units could split an emoji-plane letter (𐊀) in two
    const token = word.length > MAX_TOKEN_CHARS ? Array.from(word).slice(0, MAX_TOKEN_CHARS).join("") : word;
    if (tokens.includes(token)) continue;
    tokens.push(token);
    if (tokens.length === MAX_TOKENS) break;
  }
  return { tokens, text: tokens.join(" "), browse: tokens.length === 0 };
}
