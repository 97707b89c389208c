import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { escapeLike } from "../lib/text";
import { caseloadSql, unassignedSql } from "../profiles/access";
import type { SessionUser } from "../trpc/context";
import { profileCompletenessSql } from "../profiles/completeness-sql";

/**
 * Where a person stands in employment, from their latest placement:
 * none — never placed; placed — hired less than a month ago (no check-in due yet);
 * followup — in post, the +1/+3/+6 month calls under way; retained — still in post at the
 * six-month call; ended — the latest job ended.
 */
export const PLACEMENT_STAGES = ["none", "placed", "followup", "retained", "ended"] as const;
export type PlacementStage = (typeof PLACEMENT_STAGES)[number];

export type CaseloadFilters = {
  /** part of a first or last name, or the département's identifier */
  query?: string;
  /** active (default), archived, or both */
  status?: "active" | "archived" | "all";
  /** admins only (advisers are held to their own caseload by the caller) */
  territoryCode?: string;
  /** no activity (profile saved, application moved) for at least this many days */
  inactiveDays?: number;
  /** CV completeness strictly below this percentage */
  completenessBelow?: number;
  /** CV completeness at least this percentage */
  completenessAtLeast?: number;
  stage?: PlacementStage;
};

export type CaseloadRow = {
  profileId: string;
  firstName: string;
  lastName: string;
  externalId: string | null;
  communeInsee: string;
  communeName: string | null;
  territoryCode: string | null;
  adviserId: string | null;
  status: "active" | "archived";
  /** the same percentage as the person's completeness bar (profiles/completeness.ts) */
  completeness: number;
  lastActivityAt: Date;
  stage: PlacementStage;
  /** the latest placement's job title and start date, if any */
  placement: { jobTitle: string; startsOn: string } | null;
};

export type CaseloadPage = { total: number; items: CaseloadRow[] };

type RawRow = {
  id: string;
  first_name: string;
  last_name: string;
  external_id: string | null;
  commune_insee: string;
  commune_name: string | null;
  territory_code: string | null;
  adviser_id: string | null;
  status: "active" | "archived";
  completeness: number;
  last_activity: string;
  stage: PlacementStage;
  job_title: string | null;
  starts_on: string | null;
  total: number;
};

/**
 * One page of people matching `scope` (who the caller may list) and the filters. The
 * completeness is computed in SQL by profiles/completeness-sql.ts, built from the same
 * definition as the person's completeness bar, so that filtering and paging stay in the database.
 */
export async function caseloadPage(
  db: Database,
  scope: SQL,
  filters: CaseloadFilters,
  page: { today: string; limit: number; offset: number },
): Promise<CaseloadPage> {
  const where: SQL[] = [scope];
  const status = filters.status ?? "active";
  if (status !== "all") where.push(sql`p.status = ${status}`);
  if (filters.territoryCode) where.push(sql`p.territory_code = ${filters.territoryCode}`);
  const q = filters.query?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    where.push(
      sql`(p.first_name || ' ' || p.last_name ilike ${like} or p.last_name || ' ' || p.first_name ilike ${like} or coalesce(p.external_id, '') ilike ${like})`,
    );
  }
  const derived: SQL[] = [sql`true`];
  if (filters.inactiveDays !== undefined) {
    derived.push(sql`last_activity_ts < (${page.today}::date - ${filters.inactiveDays}::int)::timestamp at time zone ${instanceTimeZone()}::text`);
  }
  if (filters.completenessBelow !== undefined) derived.push(sql`completeness < ${filters.completenessBelow}::int`);
  if (filters.completenessAtLeast !== undefined) derived.push(sql`completeness >= ${filters.completenessAtLeast}::int`);
  if (filters.stage) derived.push(sql`stage = ${filters.stage}`);

  const rows = await queryRows<RawRow>(
    db,
    sql`
    with base as (
      select p.id, p.first_name, p.last_name, p.external_id, p.commune_insee, c.name as commune_name,
        p.territory_code, p.adviser_id, p.status,
        greatest(p.updated_at, (select max(a.updated_at) from applications a where a.profile_id = p.id)) as last_activity_ts,
        ${profileCompletenessSql("p")}::int as completeness,
        pl.job_title, pl.starts_on::text as starts_on,
        case
          when pl.id is null then 'none'
          when pl.status = 'ended' then 'ended'
          when exists (select 1 from check_ins ci where ci.placement_id = pl.id and ci.months_after = 6 and ci.status = 'in_post') then 'retained'
          when (pl.starts_on + interval '1 month')::date <= ${page.today}::date then 'followup'
          else 'placed'
        end as stage
      from beneficiary_profiles p
      left join communes c on c.insee = p.commune_insee
      left join lateral (
        select x.id, x.status, x.starts_on, x.job_title from placements x
        where x.profile_id = p.id order by x.starts_on desc, x.created_at desc limit 1
      ) pl on true
      where ${sql.join(where, sql` and `)}
    )
    select base.*, to_char(last_activity_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_activity,
      (count(*) over ())::int as total
    from base
    where ${sql.join(derived, sql` and `)}
    order by lower(last_name), lower(first_name), id
    limit ${page.limit}::int offset ${page.offset}::int`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    // past the last page: count without paging so the caller can say how many there are
    const again = await caseloadPage(db, scope, filters, { ...page, offset: 0, limit: 1 });
    total = again.total;
  }
  return {
    total,
    items: rows.map((r) => ({
      profileId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      externalId: r.external_id,
      communeInsee: r.commune_insee,
      communeName: r.commune_name,
      territoryCode: r.territory_code,
      adviserId: r.adviser_id,
      status: r.status,
      completeness: Number(r.completeness),
      lastActivityAt: new Date(r.last_activity),
      stage: r.stage,
      placement: r.job_title && r.starts_on ? { jobTitle: r.job_title, startsOn: r.starts_on } : null,
    })),
  };
}

type ScopeRequest = CaseloadFilters & { adviserId?: string };

/**
 * Whose people a caseload list shows, and the filters that still apply: an adviser their own
 * caseload (the territory filter is theirs to ignore); an admin everyone, one adviser's
 * caseload, or the unassigned ("none").
 */
export function caseloadListScope(user: SessionUser, input: ScopeRequest): [SQL, CaseloadFilters] {
  const { adviserId, ...f } = input;
  if (user.role === "adviser") return [caseloadSql(user.id), { ...f, territoryCode: undefined }];
  if (adviserId === "none") return [sql`p.adviser_id is null`, f];
  return [adviserId ? caseloadSql(adviserId) : sql`true`, f];
}

/** The unassigned active people an adviser may take (their territory's), or all of them for an admin. */
export function unassignedListScope(user: SessionUser, input: ScopeRequest): [SQL, CaseloadFilters] {
  const { adviserId: _adviserId, ...rest } = input;
  const f: CaseloadFilters = { ...rest, status: "active" };
  if (user.role === "adviser") return [unassignedSql(user.territoryCode), { ...f, territoryCode: undefined }];
  return [sql`p.adviser_id is null`, f];
}
