// The PostgreSQL engine (PGlite or server): French stemmed prefixes (tsvector, fr_unaccent),
// typos through trigram similarity to the vocabulary (search_words), PostGIS distance, facet
// counts, all in one statement over search_documents (kept current by the triggers of
// migration 0010).

import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { adviserMaySeeSql } from "../profiles/access";
import type { Contract } from "../offers/schema";
import { pgTextArray } from "./documents";
import { parseQuery } from "./query";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type FacetCounts,
  type FormationHit,
  type OfferHit,
  type ProfileHit,
  type ProfileScope,
  type SearchEngine,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from "./types";

/**
 * pg_trgm similarity at or above which a word of the vocabulary (search_words) stands for a
 * typed word with a typo ("boulanjer" ~ "boulanger" 0.54, "lefebvre" ~ "lefevre" 0.55,
 * "menage" ~ "manager" 0.25 must not match). Above the `%` operator's default 0.3, so the
 * trigram index of the vocabulary serves the lookup.
 */
export const TYPO_SIMILARITY = 0.45;
/** Close words searched for one typed word, at most. */
export const TYPO_WORDS = 8;

type HitRow = {
  entity_id: string;
  title: string;
  owner: string;
  commune_name: string | null;
  contract: Contract | null;
  domains: string[] | string;
  starts_on: string | null;
  adviser_id: string | null;
  display: string;
  distance_km: number | string | null;
};

type ResultRow = {
  total: number | string;
  contracts: Record<string, number> | string | null;
  domains: Record<string, number> | string | null;
  hits: HitRow[] | string | null;
};

export function createPostgresEngine(db: Database): SearchEngine {
  return {
    name: "postgres",
    async searchOffers(query) {
      const result = await search(db, "offers", query, null);
      return {
        ...result,
        facets: { contract: result.contracts, domain: result.domains },
        hits: result.hits.map(
          (h): OfferHit => ({
            id: h.entity_id,
            title: h.title,
            employerName: h.owner,
            communeName: h.commune_name ?? "",
            contract: h.contract as Contract,
            domain: pgTextArray(h.domains)[0] ?? null,
            startsOn: h.starts_on ?? "",
            distanceKm: km(h.distance_km),
          }),
        ),
      };
    },
    async searchFormations(query) {
      const result = await search(db, "formations", { ...query, contracts: undefined }, null);
      return {
        ...result,
        facets: { domain: result.domains },
        hits: result.hits.map(
          (h): FormationHit => ({
            id: h.entity_id,
            title: h.title,
            providerName: h.owner,
            communeName: h.commune_name ?? "",
            domains: pgTextArray(h.domains),
            startsOn: h.starts_on ?? "",
            distanceKm: km(h.distance_km),
          }),
        ),
      };
    },
    async searchProfiles(query, scope) {
      const result = await search(db, "profiles", { ...query, contracts: undefined }, scope);
      return {
        ...result,
        facets: { domain: result.domains },
        hits: result.hits.map((h): ProfileHit => {
          const display = parseDisplay(h.display);
          return {
            id: h.entity_id,
            firstName: String(display.firstName ?? ""),
            lastName: String(display.lastName ?? ""),
            externalId: typeof display.externalId === "string" ? display.externalId : null,
            communeName: h.commune_name,
            jobs: Array.isArray(display.jobs) ? display.jobs.map(String) : [],
            adviserId: h.adviser_id,
            distanceKm: km(h.distance_km),
          };
        }),
      };
    },
    // The triggers already rebuilt the documents in the write's transaction.
    async sync() {},
    async reindex(kind) {
      return rebuildDocuments(db, kind);
    },
  };
}

/** Rebuilds every document of a kind from the source tables, in one transaction (readers see the old rows until it commits). */
export async function rebuildDocuments(db: Database, kind: SearchKind): Promise<{ documents: number }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const source = { offers: sql`offers`, formations: sql`formations`, profiles: sql`beneficiary_profiles` }[kind];
    await tx.execute(sql`delete from search_documents where kind = ${kind}`);
    await tx.execute(sql`select search_rebuild(${kind}, array(select id from ${source}))`);
    // the vocabulary again from every document: words of deleted documents go
    await tx.execute(sql`delete from search_words`);
    await tx.execute(sql`insert into search_words (word)
      select distinct w from search_documents d, unnest(string_to_array(d.words_norm, ' ')) w
      where d.kind <> 'profiles' and length(w) between 3 and 40`);
    const [row] = await queryRows<{ n: number | string }>(tx, sql`select count(*) as n from search_documents where kind = ${kind}`);
    return { documents: Number(row?.n ?? 0) };
  });
}

type Search = {
  total: number;
  contracts: FacetCounts;
  domains: FacetCounts;
  hits: HitRow[];
  engine: "postgres";
};

async function search(db: Database, kind: SearchKind, query: SearchQuery, scope: ProfileScope | null): Promise<Search> {
  const { tokens } = parseQuery(query.text);
  const limit = clampInt(query.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(query.offset, 0, 10_000, 0);
  const near = query.near && validPoint(query.near) ? query.near : undefined;
  const point = near ? sql`ST_SetSRID(ST_MakePoint(${near.lng}::float8, ${near.lat}::float8), 4326)::geography` : null;

  const where: SQL[] = [sql`d.kind = ${kind}`, sql`(d.expires_on is null or d.expires_on >= current_date)`];
  if (tokens.length > 0) where.push(sql`d.tsv @@ (select matching from q)`);
  if (point && near) where.push(sql`ST_DWithin(d.location, ${point}, ${near.radiusKm * 1000}::float8, false)`);
  const contracts = (query.contracts ?? []).filter((c) => /^[a-z]+$/.test(c));
  if (contracts.length > 0) where.push(sql`d.contract in (${sql.join(contracts.map((c) => sql`${c}`), sql`, `)})`);
  const domains = (query.domains ?? []).filter((d) => /^[A-Z]$/.test(d));
  if (domains.length > 0) where.push(sql`d.domains && array[${sql.join(domains.map((d) => sql`${d}`), sql`, `)}]::text[]`);
  if (scope) where.push(scopeSql(scope));

  // Every typed word must match: its French stemmed prefix, or a close word of the vocabulary
  // (typo). The words are letters and digits only (parseQuery), passed as parameters.
  const q =
    tokens.length === 0
      ? sql`select null::tsquery as matching, null::tsquery as exact`
      : sql`select ${sql.join(tokens.map((t) => tokenQuery(t, vocabulary(kind, scope))), sql` && `)} as matching,
            to_tsquery('fr_unaccent', ${tokens.map((t) => `${t}:*`).join(" | ")}) as exact`;
  // exact words count twice as much as typo matches; then nearest, then latest start
  const rank =
    tokens.length === 0
      ? sql`0::float8`
      : sql`(2 * ts_rank(d.tsv, (select exact from q)) + ts_rank(d.tsv, (select matching from q)))::float8`;
  // on the sphere (great-circle, as Meilisearch's _geoRadius): several times cheaper than the
  // spheroid, 0.3 % apart at most
  const distance = point ? sql`ST_Distance(d.location, ${point}, false) / 1000.0` : sql`null::float8`;

  const statement = sql`
    with q as materialized (${q}),
    m as materialized (
      select d.entity_id, d.contract, d.domains, d.starts_on, ${rank} as rank, ${distance} as distance_km
      from search_documents d
      where ${sql.join(where, sql` and `)}
    ),
    page as (
      select m.* from m
      order by m.rank desc, m.distance_km asc nulls last, m.starts_on desc nulls last, m.entity_id
      limit ${limit} offset ${offset}
    )
    select
      (select count(*) from m) as total,
      (select json_object_agg(contract, n) from (select contract, count(*) as n from m where contract is not null group by contract) c) as contracts,
      (select json_object_agg(domain, n) from (select unnest(domains) as domain, count(*) as n from m group by 1) x) as domains,
      (select json_agg(h order by h.ord) from (
        select d.entity_id, d.title, d.owner, d.commune_name, d.contract, d.domains,
               to_char(d.starts_on, 'YYYY-MM-DD') as starts_on, d.adviser_id, d.display, p.distance_km,
               row_number() over (order by p.rank desc, p.distance_km asc nulls last, p.starts_on desc nulls last, p.entity_id) as ord
        from page p join search_documents d on d.kind = ${kind} and d.entity_id = p.entity_id
      ) h) as hits`;

  // One search is a few milliseconds of work: parallel workers only add their start-up and
  // compete for the cores with the other searches (the planner, misled by PostGIS's function
  // costs, would otherwise plan them for geographic filters).
  const row = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    const [result] = await queryRows<ResultRow>(tx, statement);
    return result;
  });
  return {
    total: Number(row?.total ?? 0),
    contracts: counts(row?.contracts),
    domains: counts(row?.domains),
    hits: json<HitRow[]>(row?.hits) ?? [],
    engine: "postgres",
  };
}

/**
 * The words typos are matched against: the shared vocabulary of offers and formations; for
 * people, the words of the profiles the caller may see, read at query time, so that a person's
 * name is kept nowhere once they erase their account (and never suggested outside the scope).
 */
function vocabulary(kind: SearchKind, scope: ProfileScope | null): SQL {
  if (kind !== "profiles") return sql`search_words`;
  return sql`(select distinct w as word from search_documents d, unnest(string_to_array(d.words_norm, ' ')) w
    where d.kind = 'profiles' and ${scope ? scopeSql(scope) : sql`false`} and length(w) between 3 and 40) as v`;
}

/** One typed word as a tsquery: its stemmed prefix, or any close word of the vocabulary. */
function tokenQuery(token: string, words: SQL): SQL {
  return sql`to_tsquery('fr_unaccent', ${`${token}:*`}::text || coalesce((
      select string_agg(' | ' || w.word || ':*', '') from (
        select word from ${words}
        where word % ${token}::text and similarity(word, ${token}::text) >= ${TYPO_SIMILARITY}::float8 and word <> ${token}::text
        order by word <-> ${token}::text, word limit ${TYPO_WORDS}
      ) w), ''))`;
}

function scopeSql(scope: ProfileScope): SQL {
  if ("all" in scope) return sql`true`;
  if ("visibleOnly" in scope) return sql`d.visible`;
  return adviserMaySeeSql({ id: scope.adviserId, territoryCode: scope.territoryCode || null }, DOCUMENT_SCOPE_COLUMNS);
}

/** The profile documents carry copies of the columns the adviser visibility rule reads. */
const DOCUMENT_SCOPE_COLUMNS = { adviserId: sql`d.adviser_id`, territoryCode: sql`d.territory_code` };

function json<T>(value: T | string | null | undefined): T | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

function counts(value: Record<string, number> | string | null | undefined): FacetCounts {
  const parsed = json<Record<string, number | string>>(value) ?? {};
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Number(v)]));
}

function km(value: number | string | null): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 10) / 10;
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

function validPoint(near: { lat: number; lng: number; radiusKm: number }): boolean {
  return (
    Number.isFinite(near.lat) && Number.isFinite(near.lng) && Number.isFinite(near.radiusKm) &&
    Math.abs(near.lat) <= 90 && Math.abs(near.lng) <= 180 && near.radiusKm > 0
  );
}

function parseDisplay(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
