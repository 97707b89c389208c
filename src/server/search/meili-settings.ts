// The pure half of the Meilisearch engine: index settings, the document sent for a
// search_documents row, the search request built from a SearchQuery (filters from typed values
// only, quoted), and the hits and facets read back. No network here, so all of it is unit-tested
// (meili-settings.test.ts); meili.ts does the talking.

import type { Settings } from "meilisearch";
import type { Contract } from "../offers/schema";
import type { SearchDocument } from "./documents";
import { FRENCH_STOP_WORDS, parseQuery } from "./query";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type FacetCounts,
  type FormationHit,
  type OfferHit,
  type ProfileHit,
  type ProfileScope,
  type SearchKind,
  type SearchQuery,
} from "./types";

/** The document Meilisearch stores for one search_documents row (primary key `id`). */
export type MeiliDocument = {
  id: string;
  title: string;
  owner: string;
  communeName: string | null;
  communeInsee: string | null;
  /** job labels (searchable, second after the title) */
  jobs: string[];
  /** every searchable word, lower-case and unaccented (as the PostgreSQL engine's words_norm) */
  words: string;
  contract: Contract | null;
  domains: string[];
  /** absent when the entity has no point (Meilisearch rejects a malformed _geo) */
  _geo?: { lat: number; lng: number };
  startsOn: string | null;
  /** last open day as a number YYYYMMDD (Meilisearch compares numbers, not dates); 99991231 = no end */
  expiresOn: number;
  adviserId: string | null;
  territoryCode: string | null;
  visible: boolean;
  /** what a hit shows besides the fields above (names, external id…) */
  display: Record<string, unknown>;
};

export const NO_EXPIRY = 99991231;

/** Groups of words a person may type for the same job; each word of a group finds the others. */
export const JOB_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["menage", "entretien", "nettoyage", "proprete"],
  ["cariste", "chariot", "chariot elevateur"],
  ["aide domicile", "auxiliaire vie", "aide menagere"],
  ["serveur", "serveuse"],
  ["boulanger", "boulangere", "boulangerie"],
  ["vendeur", "vendeuse"],
  ["cuisinier", "cuisiniere", "commis cuisine"],
  ["caissier", "caissiere"],
  ["magasinier", "magasiniere", "preparateur commandes"],
  ["chauffeur", "conducteur", "conductrice"],
  ["infirmier", "infirmiere"],
  ["aide soignant", "aide soignante"],
  ["secretaire", "assistant administratif", "assistante administrative"],
  ["manutentionnaire", "manutention"],
  ["btp", "batiment"],
  ["informaticien", "developpeur", "developpeuse"],
];

/** Meilisearch's synonyms object: every word of a group maps to the others of its group. */
export function jobSynonyms(groups: readonly (readonly string[])[] = JOB_SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
  }
  return out;
}

const FILTERABLE: Record<SearchKind, string[]> = {
  offers: ["contract", "domains", "_geo", "expiresOn"],
  formations: ["domains", "_geo"],
  profiles: ["domains", "_geo", "visible", "adviserId", "territoryCode"],
};

/** The most hits counted in `total` (Meilisearch stops counting there). */
export const MAX_TOTAL_HITS = 100_000;

/** The settings of a kind's index, applied when the engine starts and on every reindex. */
export function meiliSettings(kind: SearchKind): Settings {
  return {
    // the title counts most, then the jobs, the employer/provider/name, the commune, the rest
    searchableAttributes: ["title", "jobs", "owner", "communeName", "words"],
    filterableAttributes: FILTERABLE[kind],
    sortableAttributes: ["_geo", "startsOn"],
    displayedAttributes: ["*"],
    typoTolerance: {
      enabled: true,
      // one typo from 4 letters on ("boulanjer" → boulanger, "menaje" → menage), two from 8
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    },
    stopWords: [...FRENCH_STOP_WORDS].sort(),
    synonyms: jobSynonyms(),
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

/** "2026-11-30" → 20261130; null (no end) → NO_EXPIRY. */
export function dayNumber(isoDate: string | null): number {
  if (isoDate === null) return NO_EXPIRY;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Date invalide pour l'index de recherche : ${isoDate}`);
  return Number(`${m[1]}${m[2]}${m[3]}`);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const out: MeiliDocument = {
    id: doc.entityId,
    title: doc.title,
    owner: doc.owner,
    communeName: doc.communeName,
    communeInsee: doc.communeInsee,
    jobs: stringList(doc.display.jobs),
    words: doc.wordsNorm,
    contract: doc.contract,
    domains: doc.domains,
    startsOn: doc.startsOn,
    expiresOn: dayNumber(doc.expiresOn),
    adviserId: doc.adviserId,
    territoryCode: doc.territoryCode,
    visible: doc.visible,
    display: doc.display,
  };
  if (doc.lat !== null && doc.lng !== null && Number.isFinite(doc.lat) && Number.isFinite(doc.lng)) {
    out._geo = { lat: doc.lat, lng: doc.lng };
  }
  return out;
}

export class MeiliFilterValueError extends Error {}

// What a typed filter value may hold: letters, digits and - _ . : (contracts, ROME letters, uuids,
// territory codes). Meilisearch's filter parser unescapes only \" inside quotes, so a value
// with a quote or a backslash could end the string early: such a value is refused outright,
// never escaped and hoped for.
const SAFE_FILTER_VALUE = /^[\p{L}\p{N}_.:-]{1,100}$/u;

/** A typed value as a quoted Meilisearch filter string; throws on anything that could be syntax. */
export function quoteFilterValue(value: string): string {
  if (typeof value !== "string" || !SAFE_FILTER_VALUE.test(value)) {
    throw new MeiliFilterValueError(`Valeur de filtre refusée : ${JSON.stringify(String(value)).slice(0, 60)}`);
  }
  return `"${value}"`;
}

/** A finite number in plain decimal notation (never "1e-7", which the filter parser would not read). */
function finiteNumber(n: number, what: string): string {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new MeiliFilterValueError(`${what} invalide : ${String(n)}`);
  return n.toFixed(7).replace(/\.?0+$/, "");
}

/** `_geoRadius(lat, lng, metres)` from numbers only. */
export function geoRadiusFilter(near: { lat: number; lng: number; radiusKm: number }): string {
  const metres = Math.round(Number(finiteNumber(near.radiusKm, "Rayon")) * 1000);
  if (metres < 0) throw new MeiliFilterValueError(`Rayon invalide : ${near.radiusKm}`);
  return `_geoRadius(${finiteNumber(near.lat, "Latitude")}, ${finiteNumber(near.lng, "Longitude")}, ${metres})`;
}

/** `field IN ["a", "b"]` (any of them). */
function anyOf(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quoteFilterValue).join(", ")}]`;
}

/** The profile scope as a filter clause (null: everyone). */
export function scopeFilter(scope: ProfileScope): string | null {
  if ("all" in scope) return null;
  if ("visibleOnly" in scope) return "visible = true";
  const mine = `adviserId = ${quoteFilterValue(scope.adviserId)}`;
  if (scope.territoryCode === null) return mine;
  return `(${mine} OR (adviserId IS NULL AND territoryCode = ${quoteFilterValue(scope.territoryCode)}))`;
}

/**
 * The filter clauses (all must hold) of a search. Everything here comes from typed values
 * (contracts, domains, numbers, ids); what the person typed only ever goes to `q`.
 */
export function buildFilters(kind: SearchKind, query: SearchQuery, scope: ProfileScope | null, today: string): string[] {
  const clauses: string[] = [];
  if (kind === "offers") {
    // an offer leaves search the day after its last open day, without waiting for a reindex
    clauses.push(`expiresOn >= ${dayNumber(today)}`);
    if (query.contracts?.length) clauses.push(anyOf("contract", query.contracts));
  }
  if (query.domains?.length) clauses.push(anyOf("domains", query.domains));
  if (query.near) clauses.push(geoRadiusFilter(query.near));
  if (kind === "profiles") {
    // no scope on a profile search is a programming error: refuse rather than show everyone
    if (!scope) throw new MeiliFilterValueError("Recherche de personnes sans périmètre");
    const s = scopeFilter(scope);
    if (s) clauses.push(s);
  }
  return clauses;
}

export function pageOf(query: SearchQuery): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number(query.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(Number(query.offset ?? 0)) || 0);
  return { limit, offset };
}

export type MeiliSearchRequest = {
  q: string;
  /** hits to drop from the front of the page Meilisearch returns (offset not a multiple of limit) */
  skip: number;
  limit: number;
  params: {
    filter: string[];
    facets: string[];
    sort: string[];
    page: number;
    hitsPerPage: number;
    matchingStrategy: "all";
    locales: ["fra"];
  };
};

/**
 * The request for a search. Paging uses page/hitsPerPage because only that mode gives an
 * exact `totalHits` (offset/limit gives an estimate). Every word typed must match (as the
 * PostgreSQL engine); hits of equal relevance come nearest first when there is a point (and
 * Meilisearch then returns `_geoDistance`), then latest start first.
 */
export function buildSearchRequest(kind: SearchKind, query: SearchQuery, scope: ProfileScope | null, today: string): MeiliSearchRequest {
  const parsed = parseQuery(query.text);
  const { limit, offset } = pageOf(query);
  const aligned = offset % limit === 0;
  const hitsPerPage = aligned ? limit : offset + limit;
  const page = aligned ? offset / limit + 1 : 1;
  // the sort rule ranks after words, typos, proximity and attribute: ties only, as PostgreSQL's order
  const sort = query.near
    ? [`_geoPoint(${finiteNumber(query.near.lat, "Latitude")}, ${finiteNumber(query.near.lng, "Longitude")}):asc`, "startsOn:desc"]
    : ["startsOn:desc"];
  return {
    q: parsed.text,
    skip: aligned ? 0 : offset,
    limit,
    params: {
      filter: buildFilters(kind, query, scope, today),
      facets: kind === "offers" ? ["contract", "domains"] : ["domains"],
      sort,
      page,
      hitsPerPage,
      matchingStrategy: "all",
      locales: ["fra"],
    },
  };
}

/** Great-circle distance in km (the same sphere Meilisearch uses). */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type MeiliHit = Partial<MeiliDocument> & { id: string; _geoDistance?: number };

/** km to the query's point, rounded to 0.1: Meilisearch's _geoDistance (metres) or computed from _geo. */
export function distanceKmOf(hit: MeiliHit, near: SearchQuery["near"]): number | null {
  if (!near) return null;
  if (typeof hit._geoDistance === "number") return Math.round(hit._geoDistance / 100) / 10;
  if (!hit._geo) return null;
  return Math.round(haversineKm(near, hit._geo) * 10) / 10;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function offerHit(hit: MeiliHit, near: SearchQuery["near"]): OfferHit {
  return {
    id: hit.id,
    title: hit.title ?? "",
    employerName: hit.owner ?? "",
    communeName: hit.communeName ?? "",
    contract: hit.contract as Contract,
    domain: hit.domains?.[0] ?? null,
    startsOn: hit.startsOn ?? "",
    distanceKm: distanceKmOf(hit, near),
  };
}

export function formationHit(hit: MeiliHit, near: SearchQuery["near"]): FormationHit {
  return {
    id: hit.id,
    title: hit.title ?? "",
    providerName: hit.owner ?? "",
    communeName: hit.communeName ?? "",
    domains: hit.domains ?? [],
    startsOn: hit.startsOn ?? "",
    distanceKm: distanceKmOf(hit, near),
  };
}

export function profileHit(hit: MeiliHit, near: SearchQuery["near"]): ProfileHit {
  const display = hit.display ?? {};
  return {
    id: hit.id,
    firstName: str(display.firstName) ?? "",
    lastName: str(display.lastName) ?? "",
    externalId: str(display.externalId),
    communeName: hit.communeName ?? null,
    jobs: hit.jobs ?? stringList(display.jobs),
    adviserId: hit.adviserId ?? null,
    distanceKm: distanceKmOf(hit, near),
  };
}

/** facetDistribution → { contract (offers), domain }. */
export function facetsOf(
  kind: SearchKind,
  distribution: Record<string, Record<string, number>> | undefined,
): { contract?: FacetCounts; domain: FacetCounts } {
  const domain = { ...(distribution?.domains ?? {}) };
  return kind === "offers" ? { contract: { ...(distribution?.contract ?? {}) }, domain } : { domain };
}
