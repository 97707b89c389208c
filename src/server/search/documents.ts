// The search documents as plain objects: what Meilisearch receives (S2's meili.ts maps them)
// and what reindexing walks. The rows themselves are built in SQL by the triggers of the
// search_documents migration (one function per kind), so both engines index the same fields.

import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import type { Contract } from "../offers/schema";
import type { SearchKind } from "./types";

export type SearchDocument = {
  kind: SearchKind;
  entityId: string;
  title: string;
  /** employer (offers), provider (formations), the person's name (profiles) */
  owner: string;
  communeInsee: string | null;
  communeName: string | null;
  /** every searchable word, lower-case and unaccented (title, owner, commune, jobs, description) */
  wordsNorm: string;
  contract: Contract | null;
  /** ROME large domains (one letter) */
  domains: string[];
  lat: number | null;
  lng: number | null;
  /** YYYY-MM-DD */
  startsOn: string | null;
  /** offers: last day the offer is open (YYYY-MM-DD), null = no end */
  expiresOn: string | null;
  adviserId: string | null;
  territoryCode: string | null;
  /** profiles: shown to employers and seeking */
  visible: boolean;
  /** what a hit shows besides the columns: offers/formations { jobs }, profiles { firstName, lastName, externalId, jobs } */
  display: Record<string, unknown>;
  updatedAt: string;
};

type Row = {
  kind: SearchKind;
  entity_id: string;
  title: string;
  owner: string;
  commune_insee: string | null;
  commune_name: string | null;
  words_norm: string;
  contract: Contract | null;
  domains: string[] | string;
  lat: number | string | null;
  lng: number | string | null;
  starts_on: string | null;
  expires_on: string | null;
  adviser_id: string | null;
  territory_code: string | null;
  visible: boolean;
  display: string;
  updated_at: string | Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The documents of these entities as they are now. An id with no row is not searchable any
 * more (closed, expired, erased, deleted): the caller removes it from its index.
 */
export async function documentRows(db: Database, kind: SearchKind, ids: readonly string[]): Promise<SearchDocument[]> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length === 0) return [];
  const rows = await queryRows<Row>(
    db,
    sql`select kind, entity_id, title, owner, commune_insee, commune_name, words_norm, contract, domains,
          ST_Y(location::geometry) as lat, ST_X(location::geometry) as lng,
          to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(expires_on, 'YYYY-MM-DD') as expires_on,
          adviser_id, territory_code, visible, display, updated_at
        from search_documents
        where kind = ${kind} and entity_id in (${uuidList(wanted)})
          and (expires_on is null or expires_on >= current_date)
        order by entity_id`,
  );
  return rows.map(toDocument);
}

/** Every searchable id of a kind, in pages of `pageSize` (for reindexing without holding them all). */
export async function* documentIdPages(db: Database, kind: SearchKind, pageSize = 1000): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const rows: { entity_id: string }[] = await queryRows<{ entity_id: string }>(
      db,
      sql`select entity_id from search_documents
          where kind = ${kind} ${after ? sql`and entity_id > ${after}::uuid` : sql``}
            and (expires_on is null or expires_on >= current_date)
          order by entity_id limit ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.entity_id);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.entity_id;
  }
}

/** Every searchable id of a kind (fine up to a few hundred thousand; prefer documentIdPages). */
export async function allDocumentIds(db: Database, kind: SearchKind): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of documentIdPages(db, kind, 5000)) ids.push(...page);
  return ids;
}

function toDocument(r: Row): SearchDocument {
  return {
    kind: r.kind,
    entityId: r.entity_id,
    title: r.title,
    owner: r.owner,
    communeInsee: r.commune_insee,
    communeName: r.commune_name,
    wordsNorm: r.words_norm,
    contract: r.contract,
    domains: pgTextArray(r.domains),
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    startsOn: r.starts_on,
    expiresOn: r.expires_on,
    adviserId: r.adviser_id,
    territoryCode: r.territory_code,
    visible: r.visible,
    display: parseDisplay(r.display),
    updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : new Date(r.updated_at).toISOString(),
  };
}

/** text[] comes back as an array from both drivers, but as '{a,b}' through some raw paths. */
export function pgTextArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === "{}") return [];
  return value.slice(1, -1).split(",").map((s) => s.replace(/^"|"$/g, ""));
}

function parseDisplay(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
