import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { FORMATION_BONUS, JOB_FIT, WEIGHTS, score, type Components } from "./score";
import { reasonsFor, type Audience } from "./reasons";
import type { Contract } from "../offers/schema";

// The three directions of matching, each one SQL statement: an index scan on planar points
// (narrowed by ROME large domain for candidates), the exact spherical distance on the
// geography points for the survivors, the hard filters, then the score, the order and the
// limit. Nothing is loaded into Node but the top N.

export type MatchItem = {
  rank: number;
  id: string;
  externalId: string | null;
  score: number;
  distanceKm: number;
  components: Components;
  reasons: string[];
};

/** Planar distances in Lambert-93 differ from true ones by under 0.3 %: scan a little wider, then filter exactly. */
const PLANAR_MARGIN = 1.02;

const num = (x: number) => sql.raw(String(x));

/** The score of SQL component expressions, the same formula as score() in score.ts. */
function scoreSql(job: SQL, skills: SQL, proximity: SQL, formation: SQL): SQL {
  return sql`least(100, 100 * (${num(WEIGHTS.job)} * ${job} + coalesce(${num(WEIGHTS.skills)} * ${skills}, 0)
      + ${num(WEIGHTS.proximity)} * ${proximity})
    / (${num(WEIGHTS.job + WEIGHTS.proximity)} + case when ${skills} is null then 0 else ${num(WEIGHTS.skills)} end)
    + ${num(FORMATION_BONUS)} * ${formation})`;
}

/** Job fit of a candidate (arrays of codes and domains) against one ROME code expression. */
function jobFitSql(romeCode: SQL, romeCodes: SQL, domainCodes: SQL, largeDomains: SQL): SQL {
  return sql`case when ${romeCode} = any(${romeCodes}) then ${num(JOB_FIT.sameCode)}::float8
    when left(${romeCode}, 3) = any(${domainCodes}) then ${num(JOB_FIT.sameDomain)}::float8
    when left(${romeCode}, 1) = any(${largeDomains}) then ${num(JOB_FIT.sameLargeDomain)}::float8
    else 0::float8 end`;
}

type Row = {
  id: string;
  external_id: string | null;
  distance_m: number;
  job: number;
  skills: number | null;
  skills_matched: number;
  skills_required: number;
  proximity: number;
  formation: number;
};

function toItems(rows: Row[], audience: Audience): MatchItem[] {
  return rows.map((r, i) => {
    const components: Components = {
      job: Number(r.job),
      skills: r.skills === null ? null : Number(r.skills),
      proximity: Number(r.proximity),
      formation: Number(r.formation),
    };
    const distanceKm = Math.round(Number(r.distance_m)) / 1000;
    return {
      rank: i + 1,
      id: r.id,
      externalId: r.external_id,
      score: score(components),
      distanceKm,
      components,
      reasons: reasonsFor(audience, {
        components,
        distanceKm,
        skillsMatched: Number(r.skills_matched),
        skillsRequired: Number(r.skills_required),
      }),
    };
  });
}

/** The effective radius of an offer `o` for a profile `p`: the nearer of their two limits, in metres. */
const offerRadiusSql = sql`least(p.max_distance_km, o.radius_km) * 1000`;

/** A row of `near` is in reach: within the effective radius, and in the person's line of work. */
export const IN_REACH_SQL = sql`distance_m <= radius_m and job > 0`;

/**
 * The score of a row of `near` (columns distance_m, radius_m, job, skills_matched,
 * skills_required, formation), unrounded: the same formula as score() in score.ts.
 */
export function nearScoreSql(): SQL {
  const skills = sql`(case when skills_required = 0 then null else skills_matched::float8 / skills_required end)`;
  const proximity = sql`greatest(0, 1 - distance_m / radius_m)::float8`;
  return scoreSql(sql`job::float8`, skills, proximity, sql`formation::float8`);
}

/**
 * The common tail of the three directions. `near` yields, per item in reach: id, distance_m,
 * radius_m (the effective radius), job, skills_matched, skills_required, formation. Ranks by
 * score, then nearer first, then id (so both engines order ties the same way).
 */
function rankedSql(ctes: SQL, externalIdOf: SQL, limit: number): SQL {
  const skills = sql`(case when skills_required = 0 then null else skills_matched::float8 / skills_required end)`;
  const proximity = sql`greatest(0, 1 - distance_m / radius_m)::float8`;
  return sql`
    with ${ctes},
    ranked as (
      select id, distance_m, job::float8 as job, ${skills} as skills, skills_matched::int as skills_matched,
        skills_required::int as skills_required, ${proximity} as proximity, formation::float8 as formation
      from near
      where ${IN_REACH_SQL}
      order by ${nearScoreSql()} desc, distance_m, id
      limit ${limit}
    )
    select r.*, ${externalIdOf} as external_id from ranked r
    order by ${scoreSql(sql`r.job`, sql`r.skills`, sql`r.proximity`, sql`r.formation`)} desc, r.distance_m, r.id`;
}

/**
 * An offer for a beneficiary, as SQL over the aliases `o` (offers) and `p` (a row with the
 * columns of beneficiary_profiles): the components of the score (`columns`, the shape of a
 * `near` row but its id), the join that the index answers (`on`: published offers within the
 * person's travel limit, planar) and the hard filters (`where`: expiry, licence, vehicle,
 * shifts, availability, a job in the person's line of work). "Offers near you" and the job
 * alerts both rank with these. `today` is the instance's date (current_date by default).
 */
export function offerForProfileSql(today: SQL = sql`current_date`): { columns: SQL; on: SQL; where: SQL } {
  const job = jobFitSql(sql`o.rome_code`, sql`p.rome_codes`, sql`p.domain_codes`, sql`p.large_domains`);
  return {
    columns: sql`ST_Distance(o.location, p.location, false) as distance_m,
          ${offerRadiusSql} as radius_m,
          ${job} as job,
          icount(p.skill_codes & o.required_skills) as skills_matched,
          cardinality(o.required_skills) as skills_required,
          case when o.rome_code = any(p.formation_rome_codes) then 1 else 0 end as formation`,
    on: sql`o.status = 'published'
          and ST_DWithin(o.location_proj, p.location_proj, p.max_distance_km * 1000 * ${num(PLANAR_MARGIN)})`,
    where: sql`(o.expires_on is null or o.expires_on >= ${today})
          and (not o.licence_required or p.driving_licence in ('B', 'other'))
          and (not o.vehicle_required or p.has_vehicle)
          and (o.shifts & ~p.shifts) = 0
          and (p.available_from is null or p.available_from <= greatest(o.starts_on, ${today}))
          -- offers are not narrowed by domain in the index: drop unrelated jobs before computing the rest
          and ${job} > 0`,
  };
}

/** A formation for a beneficiary, as SQL over the aliases `f` and `p` (see offerForProfileSql). */
export function formationForProfileSql(today: SQL = sql`current_date`): { columns: SQL; on: SQL; where: SQL } {
  return {
    columns: sql`ST_Distance(f.location, p.location, false) as distance_m,
          p.max_distance_km * 1000 as radius_m,
          (select max(${jobFitSql(sql`c`, sql`p.rome_codes`, sql`p.domain_codes`, sql`p.large_domains`)})
            from unnest(f.rome_codes) c) as job,
          0 as skills_matched, 0 as skills_required, 0 as formation`,
    on: sql`f.status = 'published'
          and ST_DWithin(f.location_proj, p.location_proj, p.max_distance_km * 1000 * ${num(PLANAR_MARGIN)})`,
    where: sql`coalesce(f.ends_on, f.starts_on) >= ${today}
          and (f.seats is null or f.seats > 0)`,
  };
}

/** What an employer can narrow the candidates by (on top of the offer's own hard filters). */
export type CandidateFilters = {
  /** no farther than this from the workplace */
  maxDistanceKm?: number;
  /** only people holding a driving licence */
  licence?: boolean;
  /** only this profile (its score and reasons, when it matches at all) */
  profileId?: string;
};

function candidateFiltersSql(f: CandidateFilters): SQL {
  const parts: SQL[] = [];
  if (f.maxDistanceKm) parts.push(sql`and ST_Distance(m.location, o.location, false) <= ${f.maxDistanceKm * 1000}`);
  if (f.licence) parts.push(sql`and m.has_licence`);
  if (f.profileId) parts.push(sql`and m.profile_id = ${f.profileId}::uuid`);
  return sql.join(parts, sql` `);
}

/** Best candidates for an offer (employer's and adviser's view). */
export async function matchCandidatesForOffer(
  db: Database,
  offerId: string,
  limit = 50,
  filters: CandidateFilters = {},
): Promise<MatchItem[]> {
  const rows = await queryRows<Row>(
    db,
    rankedSql(
      sql`o as materialized (select o.*, left(o.rome_code, 1) as large_domain from offers o where o.id = ${offerId}),
      near as materialized (
        select m.profile_id as id,
          ST_Distance(m.location, o.location, false) as distance_m,
          least(m.max_distance_km, o.radius_km) * 1000 as radius_m,
          ${jobFitSql(sql`o.rome_code`, sql`m.rome_codes`, sql`m.domain_codes`, sql`array[m.large_domain]`)} as job,
          icount(m.skill_codes & o.required_skills) as skills_matched,
          cardinality(o.required_skills) as skills_required,
          case when o.rome_code = any(m.formation_rome_codes) then 1 else 0 end as formation
        from o join profile_match_points m
          on m.large_domain = o.large_domain
          and ST_DWithin(m.point, o.location_proj, o.radius_km * 1000 * ${num(PLANAR_MARGIN)})
        where (not o.licence_required or m.has_licence)
          and (not o.vehicle_required or m.has_vehicle)
          and (o.shifts & ~m.shifts) = 0
          and (m.available_from is null or m.available_from <= greatest(o.starts_on, current_date))
          ${candidateFiltersSql(filters)}
      )`,
      sql`(select p.external_id from beneficiary_profiles p where p.id = r.id)`,
      limit,
    ),
  );
  return toItems(rows, "employer");
}

/** What a person can narrow the offers list by. */
export type OfferFilters = {
  /** closer than their own travel limit */
  maxDistanceKm?: number;
  contracts?: Contract[];
  /** full time = 35 hours a week or more */
  hours?: "part" | "full";
};

function offerFiltersSql(f: OfferFilters): SQL {
  const parts: SQL[] = [];
  if (f.maxDistanceKm) parts.push(sql`and ST_Distance(o.location, p.location, false) <= ${f.maxDistanceKm * 1000}`);
  if (f.contracts?.length) parts.push(sql`and o.contract in (${sql.join(f.contracts.map((c) => sql`${c}`), sql`, `)})`);
  if (f.hours === "full") parts.push(sql`and o.hours_per_week >= 35`);
  if (f.hours === "part") parts.push(sql`and o.hours_per_week < 35`);
  return sql.join(parts, sql` `);
}

/** Best open offers for a beneficiary. */
export async function matchOffersForBeneficiary(
  db: Database,
  profileId: string,
  limit = 20,
  filters: OfferFilters = {},
): Promise<MatchItem[]> {
  const pair = offerForProfileSql();
  const rows = await queryRows<Row>(
    db,
    rankedSql(
      sql`p as materialized (select * from beneficiary_profiles where id = ${profileId}),
      near as materialized (
        select o.id, ${pair.columns}
        from p join offers o on ${pair.on}
        where ${pair.where}
          ${offerFiltersSql(filters)}
      )`,
      sql`(select o.external_id from offers o where o.id = r.id)`,
      limit,
    ),
  );
  return toItems(rows, "beneficiary");
}

/** Formations near a beneficiary that lead to (or near) the jobs they want or did. */
export async function matchFormationsForBeneficiary(db: Database, profileId: string, limit = 20): Promise<MatchItem[]> {
  const pair = formationForProfileSql();
  const rows = await queryRows<Row>(
    db,
    rankedSql(
      sql`p as materialized (select * from beneficiary_profiles where id = ${profileId}),
      near as materialized (
        select f.id, ${pair.columns}
        from p join formations f on ${pair.on}
        where ${pair.where}
      )`,
      sql`(select f.external_id from formations f where f.id = r.id)`,
      limit,
    ),
  );
  return toItems(rows, "formation");
}

/** The farthest ring "a bit further" ever suggests. */
export const FURTHER_MAX_KM = 100;
/** The rings "a bit further" may suggest: at least 20 km beyond the person's limit. */
const FURTHER_STEPS_KM = [20, 30, 40, 50, 60, 80, 100] as const;

/**
 * The ring to suggest to a person who finds nothing within `fromKm`: the nearest of the usual
 * distances at least 20 km further that holds an offer, and how many offers it holds (an offer
 * counts only within its own recruiting radius). Pure: from each offer's distance and radius.
 */
export function furtherRing(
  fromKm: number,
  offers: ReadonlyArray<{ distanceKm: number; radiusKm: number }>,
): { fromKm: number; toKm: number; count: number } | null {
  const from = Math.round(fromKm);
  for (const toKm of FURTHER_STEPS_KM) {
    if (toKm < from + 20) continue;
    const count = offers.filter((o) => o.distanceKm > from && o.distanceKm <= Math.min(toKm, o.radiusKm)).length;
    if (count > 0) return { fromKm: from, toKm, count };
  }
  return null;
}

/**
 * "12 offres entre 10 et 30 km": the offers a person would see beyond their travel limit, by
 * the same rules as offers near them (licence, vehicle, hours, job) and the filters given.
 */
export async function offersFurther(
  db: Database,
  profileId: string,
  filters: Omit<OfferFilters, "maxDistanceKm"> = {},
): Promise<{ fromKm: number; toKm: number; count: number } | null> {
  const pair = offerForProfileSql();
  const rows = await queryRows<{ distance_m: number; radius_km: number }>(
    db,
    sql`with p as materialized (select * from beneficiary_profiles where id = ${profileId})
      select ST_Distance(o.location, p.location, false) as distance_m, o.radius_km
      from p join offers o on o.status = 'published'
        and ST_DWithin(o.location_proj, p.location_proj, ${FURTHER_MAX_KM * 1000 * PLANAR_MARGIN})
      where ${pair.where}
        and ST_Distance(o.location, p.location, false) > p.max_distance_km * 1000
        ${offerFiltersSql(filters)}`,
  );
  const limit = await queryRows<{ max_distance_km: number }>(db, sql`select max_distance_km from beneficiary_profiles where id = ${profileId}`);
  if (!limit[0]) return null;
  return furtherRing(
    Number(limit[0].max_distance_km),
    rows.map((r) => ({ distanceKm: Number(r.distance_m) / 1000, radiusKm: Number(r.radius_km) })),
  );
}
