// One search interface, two engines: PostgreSQL full text (PGlite or server; the default) and
// Meilisearch (when MEILI_HOST is set). Both must pass the same contract suite
// (contract.db.test.ts): same queries, same hits. Documents are built from the database by one
// mapping (documents.ts) so that both engines index exactly the same fields.

import type { Contract } from "../offers/schema";

export const SEARCH_KINDS = ["offers", "formations", "profiles"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A point and a radius: hits farther than radiusKm (great-circle) are left out. */
export type GeoFilter = { lat: number; lng: number; radiusKm: number };

export type SearchQuery = {
  /** what the person typed; sanitised by the engines (never an error, whatever it holds) */
  text: string;
  near?: GeoFilter;
  /** offers only: any of these contracts */
  contracts?: Contract[];
  /** ROME large domains (one letter, e.g. "D" commerce) of the job: any of these */
  domains?: string[];
  limit?: number;
  offset?: number;
};

/** Profiles are searched by advisers only, inside what they may see. */
export type ProfileScope =
  /** an adviser: their caseload and their territory's unassigned people */
  | { adviserId: string; territoryCode: string | null }
  /** an admin: everyone */
  | { all: true }
  /** anyone else: only people who chose to be shown to employers */
  | { visibleOnly: true };

export type FacetCounts = Record<string, number>;

export type SearchResult<Hit> = {
  hits: Hit[];
  /** hits matching, all pages together */
  total: number;
  /** counts over the matching hits (all pages): contract (offers only) and ROME large domain */
  facets: { contract?: FacetCounts; domain: FacetCounts };
  /** which engine answered ("postgres" | "meilisearch"), for the page's footnote and tests */
  engine: SearchEngineName;
};

export type SearchEngineName = "postgres" | "meilisearch";

export type OfferHit = {
  id: string;
  title: string;
  employerName: string;
  communeName: string;
  contract: Contract;
  domain: string | null;
  startsOn: string;
  /** km from the GeoFilter's point when one was given, rounded to 0.1 */
  distanceKm: number | null;
};

export type FormationHit = {
  id: string;
  title: string;
  providerName: string;
  communeName: string;
  domains: string[];
  startsOn: string;
  distanceKm: number | null;
};

export type ProfileHit = {
  id: string;
  firstName: string;
  lastName: string;
  externalId: string | null;
  communeName: string | null;
  jobs: string[];
  adviserId: string | null;
  distanceKm: number | null;
};

export interface SearchEngine {
  readonly name: SearchEngineName;
  searchOffers(query: SearchQuery): Promise<SearchResult<OfferHit>>;
  searchFormations(query: SearchQuery): Promise<SearchResult<FormationHit>>;
  searchProfiles(query: SearchQuery, scope: ProfileScope): Promise<SearchResult<ProfileHit>>;
  /** brings the index up to date for these entities (rebuilt from the database, or removed when gone / no longer searchable) */
  sync(kind: SearchKind, ids: string[]): Promise<void>;
  /** rebuilds a whole index from the database without downtime */
  reindex(kind: SearchKind): Promise<{ documents: number }>;
}

/** The most characters of a query that are looked at (the rest is ignored, not an error). */
export const MAX_QUERY_CHARS = 200;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;
