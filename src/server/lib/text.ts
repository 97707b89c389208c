/**
 * What people type, reduced to what we compare: lower case, no accents, ligatures spelled
 * out, punctuation and apostrophes turned into spaces. "L'Île-Bouchard" → "l ile bouchard".
 * Done in JS (not with SQL `unaccent`) so both engines index exactly the same strings.
 */
export function searchText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Escapes LIKE wildcards so user input is matched literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A whole number as the French messages write it: 5000 → "5 000" (an ordinary space between thousands). */
export function frenchThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
