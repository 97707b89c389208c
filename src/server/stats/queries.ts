// The département's statistics, computed by SQL over the data (never kept as counters).
// Months are calendar months in the instance's time zone (instanceTimeZone(), Europe/Paris by
// default): a timestamp belongs to the month of to_char(x at time zone <zone>, 'YYYY-MM'); a date
// column (starts_on, ended_on) to its own month. Each query filters on the period's range first
// ([first day of `from`, first day after `to`) in that zone), then puts each row in its month
// with width_bucket over the months' first instants there — the same months, without converting
// every row's time zone (the slowest part on 100,000 rows, see docs/benchmarks.md).
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { CHECK_IN_MONTHS } from "../followup/schema";
import { addMonthsToMonth, firstDayOfMonth, monthsBetween, type YearMonth } from "../../lib/dates";
import { instanceTimeZone } from "../config/time-zone";
import type { CaseloadRow, CountKey, DelayKey, OutreachKey, StatsFilters } from "./types";
import { profileCompletenessSql } from "../profiles/completeness-sql";

/** The instance's time zone, as a bound parameter. */
const zone = () => sql`${instanceTimeZone()}::text`;

/** The period as SQL bounds: dates [d0, d1) and the same instants in the instance's time zone. */
function bounds(f: StatsFilters) {
  const d0 = firstDayOfMonth(f.from);
  const d1 = firstDayOfMonth(addMonthsToMonth(f.to, 1));
  const last = firstDayOfMonth(f.to);
  const starts = sql`generate_series(${d0}::timestamp, ${last}::timestamp, interval '1 month')`;
  return {
    d0: sql`${d0}::date`,
    d1: sql`${d1}::date`,
    t0: sql`(${d0}::date::timestamp at time zone ${zone()})`,
    t1: sql`(${d1}::date::timestamp at time zone ${zone()})`,
    /** the months' first instants in the instance's zone, for width_bucket: bucket i is the i-th month */
    instants: sql`array(select m at time zone ${zone()} from ${starts} m)`,
    days: sql`array(select m::date from ${starts} m)`,
  };
}

/** The month of each bucket number width_bucket gave (1 = `from`). */
function monthOfBucket(f: StatsFilters) {
  const months = monthsBetween(f.from, f.to);
  return (bucket: number | string): YearMonth => {
    const m = months[Number(bucket) - 1];
    if (!m) throw new Error(`mois hors période : ${bucket}`);
    return m;
  };
}

/**
 * A profile's CV completeness in percent (profiles/completeness-sql.ts, the SQL twin of the
 * person's completeness bar); "complete" means 100. Hashed lookups: PostgreSQL hashes the
 * jobs and formations subqueries once instead of probing them per person.
 */
const completenessSql = (alias: string): SQL => profileCompletenessSql(alias, "hashed");

export type MonthlyCount = { key: CountKey; month: YearMonth; n: number };

/** The nine counts, by month (months with nothing are absent). */
export async function countRows(db: Database, f: StatsFilters): Promise<MonthlyCount[]> {
  const { t0, t1, d0, d1, instants, days } = bounds(f);
  const T = f.territory;
  const month = (ts: string) => sql`width_bucket(${sql.raw(ts)}, (select instants from b))`;
  const personIn = (alias: string) => (T === null ? sql`true` : sql`${sql.raw(alias)}.territory_code = ${T}`);
  // `in (subquery)`: PostgreSQL hashes the territory's people or communes once, rather than
  // joining the whole profiles table or probing territory_communes row by row
  const personOf = (col: string) =>
    T === null ? sql`true` : sql`${sql.raw(col)} in (select id from beneficiary_profiles where territory_code = ${T})`;
  const communeIn = (col: string) =>
    T === null ? sql`true` : sql`${sql.raw(col)} in (select insee from territory_communes where territory_code = ${T})`;
  const rows = await queryRows<{ key: CountKey; bucket: number; n: number }>(
    db,
    sql`
    with b as (select ${instants} as instants, ${days} as days),
    registered as (
      -- one pass over the profiles for both registrations and complete CVs
      select ${month("p.created_at")} as bucket, count(*)::int as n, count(*) filter (where ${completenessSql("p")} = 100)::int as complete
      from beneficiary_profiles p where p.created_at >= ${t0} and p.created_at < ${t1} and ${personIn("p")} group by 1
    )
    select 'beneficiaries_registered' as key, bucket, n from registered
    union all
    select 'cvs_complete', bucket, complete from registered
    union all
    select 'employers_registered', ${month("e.created_at")}, count(*)::int
      from employers e where e.kind = 'company' and e.created_at >= ${t0} and e.created_at < ${t1} and ${communeIn("e.commune_insee")} group by 2
    union all
    select 'offers_published', ${month("o.published_at")}, count(*)::int
      from offers o where o.published_at >= ${t0} and o.published_at < ${t1} and ${communeIn("o.commune_insee")} group by 2
    union all
    select 'offers_filled', ${month("o.filled_at")}, count(*)::int
      from offers o where o.filled_at >= ${t0} and o.filled_at < ${t1} and ${communeIn("o.commune_insee")} group by 2
    union all
    select 'applications', ${month("a.created_at")}, count(*)::int
      from applications a where a.created_at >= ${t0} and a.created_at < ${t1} and ${personOf("a.profile_id")} group by 2
    union all
    select 'proposals', ${month("r.created_at")}, count(*)::int
      from proposals r where r.from_kind = 'adviser' and r.created_at >= ${t0} and r.created_at < ${t1} and ${personOf("r.profile_id")} group by 2
    union all
    select 'contacts_accepted', ${month("r.answered_at")}, count(*)::int
      from proposals r
      where r.from_kind = 'employer' and r.status = 'accepted' and r.answered_at >= ${t0} and r.answered_at < ${t1} and ${personOf("r.profile_id")} group by 2
    union all
    select 'hires', width_bucket(pl.starts_on, (select days from b)), count(*)::int
      from placements pl where pl.starts_on >= ${d0} and pl.starts_on < ${d1} and ${personIn("pl")} group by 2`,
  );
  const monthOf = monthOfBucket(f);
  return rows.map((r) => ({ key: r.key, month: monthOf(r.bucket), n: Number(r.n) }));
}

export type RetentionRow = { monthsAfter: 1 | 3 | 6; month: YearMonth; eligible: number; retained: number; notRetained: number };

/**
 * Retention of the placements that started in the period (territory of the hire), by start
 * month and horizon, with the rules of followup/retention.ts `retention`/`outcomeAt`:
 * eligible when the check-in's due date (or start + n months, clamped to the month's end, when
 * the check-in row is missing) is on or before `today`; a known end date decides (ended on or
 * before the due date: not retained); otherwise the check-in: in_post retained, ended or
 * cancelled not retained, pending or unreachable unknown.
 */
export async function retentionRows(db: Database, f: StatsFilters, today: string): Promise<RetentionRow[]> {
  const { d0, d1 } = bounds(f);
  const rows = await queryRows<{ months_after: number; month: string; eligible: number; retained: number; not_retained: number }>(
    db,
    sql`
    with horizons(m) as (values ${sql.raw(CHECK_IN_MONTHS.map((m) => `(${m})`).join(", "))}),
    outcomes as (
      select h.m, to_char(pl.starts_on, 'YYYY-MM') as month,
        coalesce(ci.due_on, (pl.starts_on + make_interval(months => h.m))::date) as due_on,
        case
          when pl.ended_on is not null then case when pl.ended_on <= coalesce(ci.due_on, (pl.starts_on + make_interval(months => h.m))::date) then 'not_retained' else 'retained' end
          when ci.id is null then 'unknown'
          when ci.status = 'in_post' then 'retained'
          when ci.status in ('ended', 'cancelled') then 'not_retained'
          else 'unknown'
        end as outcome
      from placements pl
      cross join horizons h
      left join check_ins ci on ci.placement_id = pl.id and ci.months_after = h.m
      where pl.starts_on >= ${d0} and pl.starts_on < ${d1}
        ${f.territory === null ? sql`` : sql`and pl.territory_code = ${f.territory}`}
    )
    select m as months_after, month, count(*)::int as eligible,
      count(*) filter (where outcome = 'retained')::int as retained,
      count(*) filter (where outcome = 'not_retained')::int as not_retained
    from outcomes where due_on <= ${today}::date
    group by m, month`,
  );
  return rows.map((r) => ({
    monthsAfter: Number(r.months_after) as 1 | 3 | 6,
    month: r.month,
    eligible: Number(r.eligible),
    retained: Number(r.retained),
    notRetained: Number(r.not_retained),
  }));
}

/** month null: the whole period */
export type DelayRow = { key: DelayKey; month: YearMonth | null; medianDays: number | null; people: number };

/**
 * Median days from sign-up (the date of the profile's creation in the instance's zone) to the first application
 * (to an offer or a formation, its date there) and to the first placement's start date, over the
 * people registered in the period who have one. percentile_cont(0.5): the mean of the two
 * middle values for an even count, as followup/retention.ts `median`, rounded to a whole day;
 * a first event dated before the sign-up (imported histories) counts as 0 days.
 */
export async function delayRows(db: Database, f: StatsFilters): Promise<DelayRow[]> {
  const { t0, t1, instants } = bounds(f);
  // Applications before t0 cannot be anyone's first here: a person registered in the period
  // applied after registering (an application needs the profile). Hires can predate a sign-up.
  const rows = await queryRows<{ bucket: number | null; app_median: number | null; app_people: number; hire_median: number | null; hire_people: number }>(
    db,
    sql`
    select bucket,
      round((percentile_cont(0.5) within group (order by app_days))::numeric)::int as app_median,
      count(app_days)::int as app_people,
      round((percentile_cont(0.5) within group (order by hire_days))::numeric)::int as hire_median,
      count(hire_days)::int as hire_people
    from (
      select width_bucket(p.created_at, ${instants}) as bucket,
        -- greatest() ignores nulls: people without a first event must stay null, not 0
        case when fa.first_at is not null then greatest(0, (fa.first_at at time zone ${zone()})::date - s.signed_up) end as app_days,
        case when fh.first_on is not null then greatest(0, fh.first_on - s.signed_up) end as hire_days
      from beneficiary_profiles p
      cross join lateral (select (p.created_at at time zone ${zone()})::date as signed_up) s
      left join (select a.profile_id, min(a.created_at) as first_at from applications a where a.created_at >= ${t0} group by 1) fa on fa.profile_id = p.id
      left join (select pl.profile_id, min(pl.starts_on) as first_on from placements pl group by 1) fh on fh.profile_id = p.id
      where p.created_at >= ${t0} and p.created_at < ${t1}
        ${f.territory === null ? sql`` : sql`and p.territory_code = ${f.territory}`}
    ) firsts
    group by grouping sets ((bucket), ())`,
  );
  const monthOf = monthOfBucket(f);
  const out: DelayRow[] = [];
  for (const r of rows) {
    const month = r.bucket === null ? null : monthOf(r.bucket);
    out.push({ key: "signup_to_first_application", month, medianDays: r.app_median === null ? null : Number(r.app_median), people: Number(r.app_people) });
    out.push({ key: "signup_to_first_hire", month, medianDays: r.hire_median === null ? null : Number(r.hire_median), people: Number(r.hire_people) });
  }
  return out;
}

/** Placements that ended in the period (territory of the hire), by end reason code ("" when none was given). */
export async function exitRows(db: Database, f: StatsFilters): Promise<Array<{ reason: string; count: number }>> {
  const { d0, d1 } = bounds(f);
  const rows = await queryRows<{ reason: string; n: number }>(
    db,
    sql`select coalesce(pl.end_reason, '') as reason, count(*)::int as n from placements pl
        where pl.ended_on >= ${d0} and pl.ended_on < ${d1}
          ${f.territory === null ? sql`` : sql`and pl.territory_code = ${f.territory}`}
        group by 1`,
  );
  return rows.map((r) => ({ reason: r.reason, count: Number(r.n) }));
}

/**
 * Each adviser's caseload now: active people they follow, of whom with a complete CV, and the
 * placements of those people still in follow-up (active, a check-in still pending). Disabled
 * accounts appear only while people are still assigned to them. With a territory: the
 * advisers of that territory.
 */
export async function caseloadRows(db: Database, territory: string | null): Promise<CaseloadRow[]> {
  const rows = await queryRows<{ id: string; first_name: string; last_name: string; email: string | null; territory_code: string | null; people: number; complete: number; followed: number }>(
    db,
    sql`
    with followed as (
      -- placements in follow-up now, per person (a hash of a few thousand rows)
      select pl.profile_id, count(*)::int as n from placements pl
      where pl.status = 'active' and pl.id in (select ci.placement_id from check_ins ci where ci.status = 'pending')
      group by pl.profile_id
    ),
    load as (
      -- one pass over the people followed: head-count, complete CVs, placements in follow-up
      select p.adviser_id, count(*)::int as people,
        count(*) filter (where ${completenessSql("p")} = 100)::int as complete,
        coalesce(sum(fo.n), 0)::int as followed
      from beneficiary_profiles p left join followed fo on fo.profile_id = p.id
      where p.status = 'active' and p.adviser_id is not null
        ${territory === null ? sql`` : sql`and p.adviser_id in (select id from users where territory_code = ${territory})`}
      group by p.adviser_id
    )
    select u.id, u.first_name, u.last_name, u.email, u.territory_code,
      coalesce(l.people, 0) as people, coalesce(l.complete, 0) as complete, coalesce(l.followed, 0) as followed
    from users u
    left join load l on l.adviser_id = u.id
    where u.role = 'adviser' and (u.status <> 'disabled' or coalesce(l.people, 0) > 0)
      ${territory === null ? sql`` : sql`and u.territory_code = ${territory}`}
    order by lower(u.last_name), lower(u.first_name), u.id`,
  );
  return rows.map((r) => ({
    adviserId: r.id,
    name: `${r.first_name} ${r.last_name}`.trim() || r.email || r.id,
    territory: r.territory_code,
    people: Number(r.people),
    completeCvs: Number(r.complete),
    placementsFollowed: Number(r.followed),
  }));
}

export type OutreachCount = { key: OutreachKey; month: YearMonth; n: number };

/**
 * Connections and messages by month: accepted contact requests plus applications; applications
 * the organisation answered (by the application's month); alert items sent and clicked; e-mails,
 * SMS and push sent (by the account's or the person's territory when one is chosen); hires of
 * people nobody follows yet (by the hire's start month).
 */
export async function outreachRows(db: Database, f: StatsFilters): Promise<OutreachCount[]> {
  const { t0, t1, d0, d1, instants, days } = bounds(f);
  const T = f.territory;
  const month = (ts: string) => sql`width_bucket(${sql.raw(ts)}, (select instants from b))`;
  const personOf = (col: string) =>
    T === null ? sql`true` : sql`${sql.raw(col)} in (select id from beneficiary_profiles where territory_code = ${T})`;
  const userOf = (col: string) =>
    T === null ? sql`true` : sql`${sql.raw(col)} in (select user_id from beneficiary_profiles where territory_code = ${T} and user_id is not null)`;
  const rows = await queryRows<{ key: OutreachKey; bucket: number; n: number }>(
    db,
    sql`
    with b as (select ${instants} as instants, ${days} as days)
    select 'connections' as key, bucket, sum(n)::int as n from (
      select ${month("a.created_at")} as bucket, count(*)::int as n
        from applications a where a.created_at >= ${t0} and a.created_at < ${t1} and ${personOf("a.profile_id")} group by 1
      union all
      select ${month("r.answered_at")}, count(*)::int
        from proposals r where r.from_kind = 'employer' and r.status = 'accepted' and r.answered_at >= ${t0} and r.answered_at < ${t1} and ${personOf("r.profile_id")} group by 1
    ) c group by 2
    union all
    select 'applications_answered', ${month("a.created_at")}, count(*)::int
      from applications a where a.answered_at is not null and a.created_at >= ${t0} and a.created_at < ${t1} and ${personOf("a.profile_id")} group by 2
    union all
    select 'alerts_sent', ${month("i.sent_at")}, count(*)::int
      from alert_items i where i.sent_at >= ${t0} and i.sent_at < ${t1} and ${userOf("i.user_id")} group by 2
    union all
    select 'alerts_clicked', ${month("i.clicked_at")}, count(*)::int
      from alert_items i where i.clicked_at >= ${t0} and i.clicked_at < ${t1} and ${userOf("i.user_id")} group by 2
    union all
    select 'emails_sent', ${month("e.sent_at")}, count(*)::int
      from email_outbox e where e.sent_at >= ${t0} and e.sent_at < ${t1}
        and ${T === null ? sql`true` : sql`(${userOf("e.user_id")} or ${personOf("e.about_profile_id")})`} group by 2
    union all
    select case m.channel when 'sms' then 'sms_sent' else 'push_sent' end, ${month("m.sent_at")}, count(*)::int
      from message_outbox m where m.sent_at >= ${t0} and m.sent_at < ${t1}
        and ${T === null ? sql`true` : sql`(${userOf("m.user_id")} or ${personOf("m.about_profile_id")})`} group by 1, 2
    union all
    select 'hires_not_followed', width_bucket(pl.starts_on, (select days from b)), count(*)::int
      from placements pl join beneficiary_profiles p on p.id = pl.profile_id
      where p.adviser_id is null and pl.starts_on >= ${d0} and pl.starts_on < ${d1}
        ${T === null ? sql`` : sql`and pl.territory_code = ${T}`} group by 2`,
  );
  const monthOf = monthOfBucket(f);
  return rows.map((r) => ({ key: r.key, month: monthOf(r.bucket), n: Number(r.n) }));
}

/** Applications sent in the period: how many, how many the organisation answered, and the median delay in hours. */
export async function answerRow(db: Database, f: StatsFilters): Promise<{ applications: number; answered: number; medianHours: number | null }> {
  const { t0, t1 } = bounds(f);
  const personOf = (col: string) =>
    f.territory === null ? sql`true` : sql`${sql.raw(col)} in (select id from beneficiary_profiles where territory_code = ${f.territory})`;
  const [row] = await queryRows<{ applications: number; answered: number; median_hours: number | null }>(
    db,
    sql`select count(*)::int as applications, count(a.answered_at)::int as answered,
        (percentile_cont(0.5) within group (order by extract(epoch from (a.answered_at - a.created_at)) / 3600))::float8 as median_hours
      from applications a
      where a.created_at >= ${t0} and a.created_at < ${t1} and ${personOf("a.profile_id")}`,
  );
  return { applications: Number(row?.applications ?? 0), answered: Number(row?.answered ?? 0), medianHours: row?.median_hours === null || row?.median_hours === undefined ? null : Number(row.median_hours) };
}
