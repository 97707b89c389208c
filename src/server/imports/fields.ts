// Cell parsers for the CSV imports. Each takes the trimmed, non-empty text of one cell and
// returns its value, or a reason in plain French that the import report shows to the admin.
import { isLuhnValid } from "../lib/luhn";
import { DRIVING_LICENCES, TRAVEL_MODES, type DrivingLicence, type TravelMode } from "../profiles/labels";
import { CONTRACTS, type Contract } from "../offers/labels";
import { SHIFT_NAMES, shiftsToMask, type Shift } from "../geo/shifts";
import { searchText } from "../lib/text";
import { normalisePhone, type FrenchRegion } from "../../lib/phone";
import { HOURS_MAX, HOURS_MIN } from "../offers/limits";
import { TRAVEL_DISTANCE_MAX_KM, TRAVEL_DISTANCE_MIN_KM } from "../profiles/limits";

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T = never>(reason: string): Cell<T> => ({ ok: false, reason });

/**
 * True when a cell would run as a formula once the file is opened in a spreadsheet: it starts
 * with = or @, or with a tab or carriage return, or with + or - unless what follows is only a
 * number or a phone number ("+33 6 12 34 56 78" and "-1.5" are fine, "-2+3+cmd|…" is not).
 */
export function isFormulaLike(raw: string): boolean {
  if (/^[\t\r]/.test(raw)) return true;
  const v = raw.trim();
  if (/^[=@]/.test(v)) return true;
  // (a lone "-", often written for "nothing", is harmless)
  return /^[+-]./.test(v) && !/^[+-]\d[\d\s.,()/-]*$/.test(v);
}

/** Free text (names, titles): control characters refused, length bounded. */
export function parseText(value: string, maxLength = 200): Cell<string> {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return fail("caractère de contrôle interdit");
  if (value.length > maxLength) return fail(`texte trop long (${value.length} caractères, ${maxLength} au plus)`);
  return ok(value.replace(/\s+/g, " "));
}

/** An external identifier: printable, no spaces inside, at most 100 characters. */
export function parseExternalId(value: string): Cell<string> {
  if (value.length > 100) return fail("identifiant trop long (100 caractères au plus)");
  if (!/^[^\s\u0000-\u001f\u007f]+$/.test(value)) return fail(`identifiant invalide « ${value} » (pas d'espace ni de caractère de contrôle)`);
  return ok(value);
}

/**
 * A calendar date as AAAA-MM-JJ (also JJ/MM/AAAA, what a spreadsheet saved in French
 * writes), checked against the calendar: 2025-02-30 is refused. Returns AAAA-MM-JJ.
 */
export function parseDate(value: string): Cell<string> {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return fail(`date illisible « ${value} » (format attendu AAAA-MM-JJ, ex. 2025-09-01)`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`date impossible « ${value} » (ce jour n'existe pas)`);
  }
  if (y < 1900 || y > 2100) return fail(`date hors limites « ${value} »`);
  return ok(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

/** A decimal number; a decimal comma is accepted ("47,58"). */
export function parseNumber(value: string, opts: { min?: number; max?: number; integer?: boolean; unit?: string } = {}): Cell<number> {
  const v = /^[+-]?\d+,\d+$/.test(value) ? value.replace(",", ".") : value;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return fail(`nombre illisible « ${value} »`);
  const n = Number(v);
  if (!Number.isFinite(n)) return fail(`nombre illisible « ${value} »`);
  if (opts.integer && !Number.isInteger(n)) return fail(`nombre entier attendu, pas « ${value} »`);
  const unit = opts.unit ? ` ${opts.unit}` : "";
  if (opts.min !== undefined && opts.max !== undefined && (n < opts.min || n > opts.max)) {
    return fail(`${value}${unit} hors limites (entre ${opts.min} et ${opts.max}${unit})`);
  }
  if (opts.min !== undefined && n < opts.min) return fail(`${value}${unit} : au moins ${opts.min}${unit} attendu`);
  if (opts.max !== undefined && n > opts.max) return fail(`${value}${unit} : au plus ${opts.max}${unit} attendu`);
  return ok(n);
}

/**
 * A distance in km within the form's limits: a person's travel distance (profiles/limits.ts)
 * unless another range is given (an offer's radius, offers/limits.ts).
 */
export const parseDistanceKm = (value: string, range: { min: number; max: number } = { min: TRAVEL_DISTANCE_MIN_KM, max: TRAVEL_DISTANCE_MAX_KM }) =>
  parseNumber(value, { ...range, unit: "km" });

/** A strictly positive whole number (positions, seats), at most `max`: the form's limit for the field. */
export function parsePositiveInteger(value: string, max = 100_000): Cell<number> {
  const n = parseNumber(value, { integer: true });
  if (!n.ok) return n;
  if (n.value <= 0) return fail(`${value} : un nombre supérieur à 0 est attendu`);
  if (n.value > max) return fail(`${value} : nombre trop grand (${max} au plus)`);
  return n;
}

/** Weekly hours, within the offer form's limits (offers/limits.ts: at most the legal maximum). */
export const parseHoursPerWeek = (value: string): Cell<number> => {
  const n = parseNumber(value);
  if (!n.ok) return n;
  if (n.value < HOURS_MIN || n.value > HOURS_MAX) {
    return fail(`${value} h par semaine hors limites (entre ${HOURS_MIN} et ${HOURS_MAX})`);
  }
  return n;
};

const YES = new Set(["yes", "oui", "1", "true", "vrai"]);
const NO = new Set(["no", "non", "0", "false", "faux"]);

/** yes/no, oui/non, 1/0, true/false, vrai/faux, in any case. */
export function parseYesNo(value: string): Cell<boolean> {
  const v = searchText(value);
  if (YES.has(v)) return ok(true);
  if (NO.has(v)) return ok(false);
  return fail(`« ${value} » n'est pas oui ou non (yes/no, oui/non, 1/0)`);
}

/** Items of a `|`-separated list, trimmed, empty ones dropped, duplicates removed. */
export function parseList(value: string): string[] {
  return [...new Set(value.split("|").map((s) => s.trim()).filter((s) => s !== ""))];
}

/** A map from what people write (compared through searchText) to a code. */
function aliasMap<T extends string>(codes: readonly T[], aliases: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const c of codes) map.set(searchText(c), c);
  for (const [alias, code] of Object.entries(aliases)) map.set(searchText(alias), code);
  return map;
}

function parseEnum<T extends string>(value: string, map: Map<string, T>, codes: readonly T[], what: string): Cell<T> {
  const found = map.get(searchText(value));
  return found ? ok(found) : fail(`${what} inconnu « ${value} » (valeurs possibles : ${codes.join(", ")})`);
}

function parseEnumList<T extends string>(value: string, map: Map<string, T>, codes: readonly T[], what: string): Cell<T[]> {
  const out: T[] = [];
  const unknown: string[] = [];
  for (const item of parseList(value)) {
    const found = map.get(searchText(item));
    if (found) {
      if (!out.includes(found)) out.push(found);
    } else unknown.push(item);
  }
  if (unknown.length) {
    return fail(`${what} inconnu${unknown.length > 1 ? "s" : ""} : ${unknown.join(", ")} (valeurs possibles : ${codes.join(", ")})`);
  }
  return ok(out);
}

const TRAVEL_MODE_ALIASES = aliasMap(TRAVEL_MODES, {
  "à pied": "walk",
  marche: "walk",
  vélo: "bike",
  "transports en commun": "public_transport",
  "transport en commun": "public_transport",
  bus: "public_transport",
  voiture: "car",
  "deux-roues": "two_wheeler",
  "deux roues": "two_wheeler",
  scooter: "two_wheeler",
  covoiturage: "carpool",
});

/** walk, bike, public_transport, car, two_wheeler, carpool (French words accepted), `|`-separated. */
export function parseTravelModes(value: string): Cell<TravelMode[]> {
  const r = parseEnumList(value, TRAVEL_MODE_ALIASES, TRAVEL_MODES, "moyen de déplacement");
  return r.ok ? ok([...r.value].sort()) : r;
}

const LICENCE_ALIASES = aliasMap(DRIVING_LICENCES, {
  aucun: "none",
  non: "none",
  sans: "none",
  "pas de permis": "none",
  "en cours": "in_progress",
  "permis en cours": "in_progress",
  "permis b": "B",
  autre: "other",
});

/** none, in_progress, B, other (aucun, en cours, permis B, autre accepted). */
export const parseDrivingLicence = (value: string): Cell<DrivingLicence> =>
  parseEnum(value, LICENCE_ALIASES, DRIVING_LICENCES, "permis");

const SHIFT_ALIASES = aliasMap(SHIFT_NAMES, {
  jour: "day",
  "de jour": "day",
  nuit: "night",
  "de nuit": "night",
  "week-end": "weekend",
  "week end": "weekend",
});

/** day, night, weekend (jour, nuit, week-end accepted), `|`-separated, as a bit mask. */
export function parseShifts(value: string): Cell<number> {
  const r = parseEnumList<Shift>(value, SHIFT_ALIASES, SHIFT_NAMES, "horaire");
  if (!r.ok) return r;
  if (r.value.length === 0) return fail("aucun horaire (day, night, weekend)");
  return ok(shiftsToMask(r.value));
}

const CONTRACT_ALIASES = aliasMap(CONTRACTS, {
  intérim: "interim",
  "contrat d'insertion": "insertion",
  "contrat d'insertion (IAE)": "insertion",
  IAE: "insertion",
  CDDI: "insertion",
  apprentissage: "apprenticeship",
  "contrat d'apprentissage": "apprenticeship",
  saisonnier: "seasonal",
  "contrat saisonnier": "seasonal",
});

/** cdi, cdd, interim, insertion, apprenticeship, seasonal, or their French names. */
export const parseContract = (value: string): Cell<Contract> => parseEnum(value, CONTRACT_ALIASES, CONTRACTS, "contrat");

/**
 * A SIRET: 14 digits (spaces and dots ignored) with a valid Luhn checksum. La Poste's
 * establishments (SIREN 356000000) follow another rule: the sum of the digits is a multiple of 5.
 */
export function parseSiret(value: string): Cell<string> {
  const digits = value.replace(/[\s.]/g, "");
  if (!/^\d{14}$/.test(digits)) return fail(`SIRET invalide « ${value} » (14 chiffres attendus)`);
  if (isLuhnValid(digits)) return ok(digits);
  if (digits.startsWith("356000000")) {
    const sum = [...digits].reduce((s, c) => s + Number(c), 0);
    if (sum % 5 === 0) return ok(digits);
  }
  return fail(`SIRET invalide « ${value} » (la clé de contrôle ne correspond pas : vérifiez les chiffres)`);
}

/** An e-mail address, lower-cased. */
export function parseEmail(value: string): Cell<string> {
  const v = value.toLowerCase();
  // (control characters too: PostgreSQL refuses a NUL in text, which the preview would not see)
  // eslint-disable-next-line no-control-regex
  if (v.length > 254 || !/^[^\s@"<>,;\u0000-\u001f\u007f]+@[^\s@"<>,;\u0000-\u001f\u007f]+\.[a-z]{2,}$/.test(v)) {
    return fail(`adresse e-mail invalide « ${value} »`);
  }
  return ok(v);
}

/**
 * A phone number, stored in E.164 ("06 12 34 56 78" → "+33612345678": what the SMS provider
 * needs), read in `region` first when typed without prefix (the instance's: 0692… is Réunion's).
 */
export function parsePhone(value: string, region: FrenchRegion = "FR"): Cell<string> {
  const result = normalisePhone(value, region);
  if (!result.ok) return fail(`numéro de téléphone invalide « ${value} »`);
  return ok(result.e164);
}

/** INSEE code or postcode, with the leading zero a spreadsheet drops put back ("1053" → "01053"). */
export function parseCommuneCode(value: string, what: "code INSEE" | "code postal"): Cell<string> {
  const v = value.toUpperCase();
  if (/^\d{4}$/.test(v)) return ok(`0${v}`);
  if (what === "code postal" ? /^\d{5}$/.test(v) : /^(\d{5}|2[AB]\d{3})$/.test(v)) return ok(v);
  return fail(`${what} invalide « ${value} »`);
}

/** Job codes: ROME codes (J1501) or job-title OGR codes (10891), `|`-separated. Existence is checked later. */
export function parseJobCodes(value: string): Cell<string[]> {
  const codes = parseList(value).map((c) => c.toUpperCase());
  const bad = codes.filter((c) => !/^[A-N]\d{4}$/.test(c) && !/^\d{1,7}$/.test(c));
  if (bad.length) return fail(`code${bad.length > 1 ? "s" : ""} métier inconnu${bad.length > 1 ? "s" : ""} : ${bad.join(", ")} (code ROME comme J1501 ou code OGR comme 10891)`);
  return ok(codes);
}

/** Skill codes (OGR numbers), `|`-separated. Existence is checked later. */
export function parseSkillCodes(value: string): Cell<number[]> {
  const items = parseList(value);
  const bad = items.filter((c) => !/^\d{1,7}$/.test(c));
  if (bad.length) return fail(`code${bad.length > 1 ? "s" : ""} de compétence invalide${bad.length > 1 ? "s" : ""} : ${bad.join(", ")} (codes OGR, ex. 100063)`);
  return ok([...new Set(items.map(Number))]);
}

