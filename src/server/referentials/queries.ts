import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { escapeLike, searchText } from "../lib/text";
import { communes, romeJobs, romeJobSkills, romeJobTitles, romeSkills } from "./schema";

export type CommuneHit = {
  insee: string;
  name: string;
  departement: string;
  postcodes: string[];
  population: number;
  lat: number;
  lng: number;
};

const communeColumns = sql`c.insee, c.name, c.departement, c.postcodes, c.population,
  ST_Y(c.location::geometry) as lat, ST_X(c.location::geometry) as lng`;

function toCommune(r: Record<string, unknown>): CommuneHit {
  return {
    insee: String(r.insee),
    name: String(r.name),
    departement: String(r.departement),
    postcodes: r.postcodes as string[],
    population: Number(r.population),
    lat: Number(r.lat),
    lng: Number(r.lng),
  };
}

/** A full postcode is shared by at most a few dozen communes: all of them are listed. */
const POSTCODE_MAX = 200;

/**
 * LIKE patterns matching the start of a name one typo away from `q` (a letter wrong, missing,
 * extra, or two swapped), the first letter kept: "blos" → "blo_s%" reaches "blois".
 */
export function oneTypoPrefixes(q: string): string[] {
  const out = new Set<string>();
  const e = (s: string) => escapeLike(s);
  for (let i = 1; i <= q.length; i++) {
    // a letter missing in what was typed
    out.add(`${e(q.slice(0, i))}_${e(q.slice(i))}%`);
    if (i < q.length) {
      // a wrong letter, an extra letter
      out.add(`${e(q.slice(0, i))}_${e(q.slice(i + 1))}%`);
      out.add(`${e(q.slice(0, i))}${e(q.slice(i + 1))}%`);
    }
    // two letters swapped
    if (i < q.length - 1) out.add(`${e(q.slice(0, i))}${e(q[i + 1]!)}${e(q[i]!)}${e(q.slice(i + 2))}%`);
  }
  out.delete(`${e(q)}%`);
  return [...out];
}

/**
 * Communes by what a person types: a postcode (or its start) or a name, accents, case and
 * hyphens ignored, matched at the start of the name or of any word in it, or at the start of
 * the name one typo away ("blos" → Blois). The instance's départements come first, then
 * exact starts, then bigger communes. A full postcode lists every commune sharing it (the
 * biggest, whose name the postcode usually bears, then alphabetically), whatever the limit.
 */
export async function searchCommunes(
  db: Database,
  query: string,
  opts: { limit?: number; departements?: string[] } = {},
): Promise<CommuneHit[]> {
  const limit = opts.limit ?? 10;
  const deps = opts.departements ?? [];
  // (a list of parameters rather than one array parameter: PGlite cannot always type the latter)
  const local = deps.length ? sql`(c.departement in (${sql.join(deps.map((d) => sql`${d}`), sql`, `)}))` : sql`false`;
  const digits = query.replace(/\s/g, "");
  if (/^\d{5}$/.test(digits)) {
    const r = await queryRows(db, sql`
      select ${communeColumns}
      from commune_postcodes p join communes c on c.insee = p.insee
      where p.postcode = ${digits}
      order by ${local} desc, c.population = max(c.population) over () desc, c.search_name
      limit ${POSTCODE_MAX}`);
    return r.map(toCommune);
  }
  if (/^\d{2,4}$/.test(digits)) {
    const r = await queryRows(db, sql`
      select ${communeColumns}, min(p.postcode) as postcode
      from commune_postcodes p join communes c on c.insee = p.insee
      where p.postcode like ${`${digits}%`}
      group by c.insee
      order by ${local} desc, min(p.postcode), c.population desc
      limit ${limit}`);
    return r.map(toCommune);
  }
  const q = searchText(query);
  if (q.length < 2) return [];
  const prefix = `${escapeLike(q)}%`;
  const wordPrefix = `% ${escapeLike(q)}%`;
  // "st" for "saint" is what people write
  const saint = prefix.replace(/^st /, "saint ");
  const typos = q.length >= 3 ? oneTypoPrefixes(q) : [];
  const typo = typos.length
    ? sql`(c.search_name like ${`${escapeLike(q[0]!)}%`} and (${sql.join(typos.map((t) => sql`c.search_name like ${t}`), sql` or `)}))`
    : sql`false`;
  const r = await queryRows(db, sql`
    select ${communeColumns}
    from communes c
    where c.search_name like ${prefix} or c.search_name like ${wordPrefix} or c.search_name like ${saint} or ${typo}
    order by (c.search_name = ${q}) desc, ${local} desc,
      (c.search_name like ${prefix} or c.search_name like ${saint}) desc, (c.search_name like ${wordPrefix}) desc,
      c.population desc, c.name
    limit ${limit}`);
  if (r.length > 0) return r.map(toCommune);
  // Nothing starts that way: forgive a typo with trigram similarity.
  const fuzzy = await queryRows(db, sql`
    select ${communeColumns}
    from communes c
    where c.search_name % ${q}
    order by similarity(c.search_name, ${q}) desc, ${local} desc, c.population desc
    limit ${limit}`);
  return fuzzy.map(toCommune);
}

export async function communeByInsee(db: Database, insee: string): Promise<CommuneHit | null> {
  const r = await queryRows(db, sql`select ${communeColumns} from communes c where c.insee = ${insee}`);
  return r[0] ? toCommune(r[0]) : null;
}

/** Communes whose postcodes include this one (several communes often share a postcode). */
export async function communesByPostcode(db: Database, postcode: string): Promise<CommuneHit[]> {
  const r = await queryRows(db, sql`
    select ${communeColumns} from commune_postcodes p join communes c on c.insee = p.insee
    where p.postcode = ${postcode} order by c.population desc`);
  return r.map(toCommune);
}

/** The commune whose centre is nearest a point ("use my position"), with its distance. */
export async function nearestCommune(db: Database, point: { lat: number; lng: number }) {
  const r = await queryRows(db, sql`
    select ${communeColumns},
      ST_Distance(c.location, ST_SetSRID(ST_MakePoint(${point.lng}, ${point.lat}), 4326)::geography) as distance_m
    from communes c
    order by c.location <-> ST_SetSRID(ST_MakePoint(${point.lng}, ${point.lat}), 4326)::geography
    limit 1`);
  const row = r[0];
  return row ? { ...toCommune(row), distanceKm: Number(row.distance_m) / 1000 } : null;
}

export type JobTitleHit = { ogrCode: number; label: string; romeCode: string; romeLabel: string };

/**
 * Job titles by what a person types: every word typed must start a word of the title
 * ("aide soi" → "Aide-soignant / Aide-soignante"); typos fall back to trigram similarity.
 */
export async function searchJobTitles(db: Database, query: string, limit = 10): Promise<JobTitleHit[]> {
  const q = searchText(query);
  if (q.length < 2) return [];
  const words = q.split(" ").slice(0, 6);
  const conditions = words.map((w) => sql`(' ' || t.search_label) like ${`% ${escapeLike(w)}%`}`);
  const r = await queryRows(db, sql`
    select t.ogr_code, t.label, t.rome_code, j.label as rome_label
    from rome_job_titles t join rome_jobs j on j.code = t.rome_code
    where ${sql.join(conditions, sql` and `)}
    order by (t.search_label like ${`${escapeLike(q)}%`}) desc, t.rarely_used, t.principal desc,
      length(t.label), t.label
    limit ${limit}`);
  let rows = r;
  if (rows.length === 0) {
    const fuzzy = await queryRows(db, sql`
      select t.ogr_code, t.label, t.rome_code, j.label as rome_label
      from rome_job_titles t join rome_jobs j on j.code = t.rome_code
      where ${q} <% t.search_label
      order by word_similarity(${q}, t.search_label) desc, t.rarely_used, length(t.label)
      limit ${limit}`);
    rows = fuzzy;
  }
  return rows.map((row) => ({
    ogrCode: Number(row.ogr_code),
    label: String(row.label),
    romeCode: String(row.rome_code),
    romeLabel: String(row.rome_label),
  }));
}

export type SkillItem = { ogrCode: number; label: string; kind: string; category: string };

/** A job title with its job sheet's skills, soft skills and knowledge items. */
export async function jobTitleDetails(db: Database, ogrCode: number) {
  const [title] = await db
    .select({
      ogrCode: romeJobTitles.ogrCode,
      label: romeJobTitles.label,
      romeCode: romeJobTitles.romeCode,
      romeLabel: romeJobs.label,
    })
    .from(romeJobTitles)
    .innerJoin(romeJobs, eq(romeJobs.code, romeJobTitles.romeCode))
    .where(eq(romeJobTitles.ogrCode, ogrCode))
    .limit(1);
  if (!title) return null;
  return { ...title, ...(await romeJobItems(db, title.romeCode)) };
}

export async function romeJobItems(db: Database, romeCode: string) {
  const items = await db
    .select({ ogrCode: romeSkills.ogrCode, label: romeSkills.label, kind: romeSkills.kind, category: romeSkills.category })
    .from(romeJobSkills)
    .innerJoin(romeSkills, eq(romeSkills.ogrCode, romeJobSkills.skillCode))
    .where(eq(romeJobSkills.romeCode, romeCode))
    .orderBy(romeSkills.label);
  return {
    skills: items.filter((i) => i.kind === "skill" || i.kind === "macro_skill"),
    softSkills: items.filter((i) => i.kind === "soft_skill"),
    knowledge: items.filter((i) => i.kind === "knowledge"),
  };
}

export async function searchSkills(db: Database, query: string, limit = 20): Promise<SkillItem[]> {
  const q = searchText(query);
  if (q.length < 2) return [];
  const words = q.split(" ").slice(0, 6);
  const r = await db
    .select({ ogrCode: romeSkills.ogrCode, label: romeSkills.label, kind: romeSkills.kind, category: romeSkills.category })
    .from(romeSkills)
    .where(and(...words.map((w) => sql`(' ' || ${romeSkills.searchLabel}) like ${`% ${escapeLike(w)}%`}`)))
    .orderBy(sql`length(${romeSkills.label})`)
    .limit(limit);
  return r;
}

/** Resolves job-title OGR codes or ROME codes to the ROME code they belong to (null if unknown). */
export async function resolveJobCodes(db: Database, codes: string[]): Promise<Map<string, { romeCode: string; ogrCode: number | null; label: string }>> {
  const out = new Map<string, { romeCode: string; ogrCode: number | null; label: string }>();
  const romeCodes = codes.filter((c) => /^[A-N]\d{4}$/.test(c));
  const ogrCodes = codes.filter((c) => /^\d+$/.test(c)).map(Number);
  if (romeCodes.length) {
    const rows = await db.select().from(romeJobs).where(inArray(romeJobs.code, romeCodes));
    for (const r of rows) out.set(r.code, { romeCode: r.code, ogrCode: null, label: r.label });
  }
  if (ogrCodes.length) {
    const rows = await db.select().from(romeJobTitles).where(inArray(romeJobTitles.ogrCode, ogrCodes));
    for (const r of rows) out.set(String(r.ogrCode), { romeCode: r.romeCode, ogrCode: r.ogrCode, label: r.label });
  }
  return out;
}

