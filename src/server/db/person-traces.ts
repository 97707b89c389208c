// What identifies a person in the database's text, for their erasure (privacy/erase.ts): the
// modules that keep traces of people (notifications, the audit trail…) match them with these.
import { sql, type SQL } from "drizzle-orm";

/**
 * A person as their traces name them: `needles` are matched as substrings (ids, e-mails, phone,
 * external id), `names` (first, last) as whole words, both together, or null when too short.
 */
export type PersonTraces = { needles: string[]; names: [string, string] | null };

/** A regular expression matching `word` as a whole word (between spaces, punctuation or the ends). */
export function wholeWord(word: string): string {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `(^|[[:space:][:punct:]])${escaped}([[:space:][:punct:]]|$)`;
}

/**
 * `col` (as text) holds one of the needles (ids, e-mail, phone: as substrings), or both names
 * as whole words (so that "Léa Roy" does not match "please" and "Troyes"), case-insensitive.
 */
export function mentions(col: SQL, needles: string[], names: [string, string] | null): SQL {
  const parts = needles.map((n) => sql`strpos(lower(${col}), ${n.toLowerCase()}) > 0`);
  if (names) parts.push(sql`(lower(${col}) ~ ${wholeWord(names[0])} and lower(${col}) ~ ${wholeWord(names[1])})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** `col in (values…)`, or false for no values. */
export const inText = (col: SQL, values: string[]): SQL => (values.length ? sql`${col} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})` : sql`false`);
