// Job alerts: the offers and formations published since a person's last alert that the matcher
// ranks for them (matching/queries.ts: the same travel limits, hard filters and score), grouped
// in one message (in-app, e-mail, push) through tellList.
//
// Batches of people, each in its own transaction: pick the next people (active account,
// seeking, complete CV) in user id order, keep those whose frequency makes them due, claim them
// by moving their alert_runs row (compare-and-set: two processes never alert one person twice
// for the same run), rank every new offer and formation for the whole batch in ONE statement,
// record the items (never the same offer twice: the table's key) and tell them. Memory holds one
// batch. The employer side is never written to: an alert tells the organisation nothing.

import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { daysBetween, todayIn } from "../../lib/dates";
import { formationForProfileSql, IN_REACH_SQL, nearScoreSql, offerForProfileSql } from "../matching/queries";
import { preferencesFor } from "../notifications/preferences";
import { tellList, type TidingsList } from "../notifications/tell-list";
import type { Frequency } from "../notifications/categories";
import { profileCompletenessSql } from "../profiles/completeness-sql";

/** Below this matcher score (0–100) an offer is not worth a message: a job in the person's line of work, nearby. */
export const ALERT_MIN_SCORE = 50;
/** At most this many items in one message, best first. */
export const ALERT_MAX_ITEMS = 10;
/** A person's first alert looks this far back. */
export const FIRST_ALERT_DAYS = 7;
/** Days between two alerts of a frequency (calendar days in the instance's time zone). */
const INTERVAL_DAYS: Record<Exclude<Frequency, "never">, number> = { immediately: 0, daily: 1, weekly: 7 };

export const DEFAULT_BATCH_SIZE = 500;

export type AlertRunReport = {
  /** people with a complete CV looked at */
  eligible: number;
  /** of them, due now by their frequency (and claimed by this run) */
  due: number;
  /** people who got a message */
  alerted: number;
  /** offers and formations in those messages */
  items: number;
  batches: number;
};

type Candidate = { user_id: string; seen: string | null; seen_ms: number | null };
type Found = {
  user_id: string;
  kind: "offer" | "formation";
  id: string;
  score: number;
  distance_m: number;
  title: string;
  commune: string | null;
  provider: string | null;
};

/** A PostgreSQL array literal of values that need no escaping but double quotes (uuids, timestamps, tokens). */
function arrayLiteral(values: Array<string | null>): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/["\\]/g, "")}"`)).join(",")}}`;
}

/** Whether a person whose last alert was at `lastRun` (null: never) is due at `now`. */
export function isDue(frequency: Frequency, lastRun: Date | null, now: Date, timeZone = instanceTimeZone()): boolean {
  if (frequency === "never") return false;
  if (!lastRun) return true;
  // calendar days, so that a weekly job running a few seconds earlier than last week still sends
  return daysBetween(todayIn(timeZone, lastRun), todayIn(timeZone, now)) >= INTERVAL_DAYS[frequency];
}

/**
 * The people after `after` in user id order (an index walk: never a scan of everyone), and of
 * them those who may get an alert: an active beneficiary account, an active seeking profile, a
 * complete CV. `cursor` is where the next batch starts; null when nobody is left.
 */
async function nextCandidates(db: Database, after: string | null, limit: number): Promise<{ cursor: string | null; candidates: Candidate[] }> {
  const page = await queryRows<{ user_id: string }>(
    db,
    sql`select user_id from beneficiary_profiles
      where user_id is not null ${after ? sql`and user_id > ${after}::uuid` : sql``}
      order by user_id
      limit ${limit}`,
  );
  if (!page.length) return { cursor: null, candidates: [] };
  const candidates = await queryRows<Candidate>(
    db,
    sql`select p.user_id, r.last_run_at::text as seen, (extract(epoch from r.last_run_at) * 1000)::float8 as seen_ms
      from beneficiary_profiles p
      join users u on u.id = p.user_id and u.status = 'active' and u.role = 'beneficiary'
      left join alert_runs r on r.user_id = p.user_id
      where p.user_id = any(${arrayLiteral(page.map((r) => String(r.user_id)))}::uuid[])
        and p.status = 'active' and p.seeking
        and ${profileCompletenessSql("p")} = 100
      order by p.user_id`,
  );
  return { cursor: String(page[page.length - 1]!.user_id), candidates: candidates.map((c) => ({ ...c, user_id: String(c.user_id) })) };
}

/** Moves the due people's last run to `now`, unless another run did first; returns those claimed. */
async function claim(db: Database, due: Candidate[], now: Date): Promise<Candidate[]> {
  const again = due.filter((c) => c.seen !== null);
  const first = due.filter((c) => c.seen === null);
  const claimed = new Set<string>();
  if (again.length) {
    const rows = await queryRows<{ user_id: string }>(
      db,
      sql`update alert_runs r set last_run_at = ${now.toISOString()}::timestamptz
        from unnest(${arrayLiteral(again.map((c) => c.user_id))}::uuid[], ${arrayLiteral(again.map((c) => c.seen))}::timestamptz[]) as s(user_id, seen)
        where r.user_id = s.user_id and r.last_run_at = s.seen
        returning r.user_id`,
    );
    for (const r of rows) claimed.add(String(r.user_id));
  }
  if (first.length) {
    const rows = await queryRows<{ user_id: string }>(
      db,
      sql`insert into alert_runs (user_id, last_run_at)
        select u, ${now.toISOString()}::timestamptz from unnest(${arrayLiteral(first.map((c) => c.user_id))}::uuid[]) as u
        on conflict (user_id) do nothing
        returning user_id`,
    );
    for (const r of rows) claimed.add(String(r.user_id));
  }
  return due.filter((c) => claimed.has(c.user_id));
}

/** The best new offers and formations of each person, in one statement for the whole batch. */
async function findNew(db: Database, people: Candidate[], now: Date): Promise<Found[]> {
  const today = sql`${todayIn(instanceTimeZone(), now)}::date`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const offer = offerForProfileSql(today);
  const formation = formationForProfileSql(today);
  const offerPublished = sql`coalesce(o.published_at, o.created_at)`;
  return queryRows<Found>(
    db,
    sql`with b as (
        select * from unnest(${arrayLiteral(people.map((c) => c.user_id))}::uuid[], ${arrayLiteral(people.map((c) => c.seen))}::timestamptz[])
          as b(user_id, since)
      ),
      p as materialized (
        select bp.*, b.user_id as alert_user, coalesce(b.since, ${at} - ${`${FIRST_ALERT_DAYS} days`}::interval) as since
        from b join beneficiary_profiles bp on bp.user_id = b.user_id
      ),
      -- only the offers published since the oldest last run of the batch, by large domain: a
      -- hash join on the domain finds each person's few candidates among them (an offer in
      -- another large domain has no job fit, see offerForProfileSql)
      new_offers as materialized (
        select o.*, left(o.rome_code, 1) as large_domain
        from offers o
        where o.status = 'published'
          and ${offerPublished} > (select min(since) from p) and ${offerPublished} <= ${at}
      ),
      wants as (
        select p.*, d.domain as wanted_domain from p cross join lateral unnest(p.large_domains) as d(domain)
      ),
      near as (
        select p.alert_user as user_id, 'offer'::text as kind, o.id, ${offer.columns}
        from wants p join new_offers o on o.large_domain = p.wanted_domain and ${offer.on} and ${offerPublished} > p.since
        where ${offer.where}
        union all
        select p.alert_user as user_id, 'formation'::text as kind, f.id, ${formation.columns}
        from p join formations f on ${formation.on} and f.created_at > p.since and f.created_at <= ${at}
        where ${formation.where}
      ),
      scored as (
        select user_id, kind, id, distance_m, ${nearScoreSql()} as score
        from near
        where ${IN_REACH_SQL}
          and not exists (select 1 from alert_items a where a.user_id = near.user_id and a.kind = near.kind and a.entity_id = near.id)
      ),
      best as (
        select *, row_number() over (partition by user_id order by score desc, distance_m, id) as rn
        from scored
        where score >= ${sql.raw(String(ALERT_MIN_SCORE))}
      )
      select t.user_id, t.kind, t.id, round(t.score::numeric, 1)::float8 as score, t.distance_m::float8 as distance_m,
        coalesce(o.title, f.title) as title, c.name as commune, f.provider_name as provider
      from best t
      left join offers o on t.kind = 'offer' and o.id = t.id
      left join formations f on t.kind = 'formation' and f.id = t.id
      left join communes c on c.insee = coalesce(o.commune_insee, f.commune_insee)
      where t.rn <= ${sql.raw(String(ALERT_MAX_ITEMS))}
      order by t.user_id, t.rn`,
  );
}

const kmWords = (m: number) => {
  const km = Math.round(Number(m) / 1000);
  return km < 1 ? "tout près de chez vous" : `à ${km} km de chez vous`;
};

/** The words of one person's message. */
export function alertMessage(userId: string, items: Array<Found & { token: string }>, eventKey: string): TidingsList {
  const offers = items.filter((i) => i.kind === "offer").length;
  const formations = items.length - offers;
  const parts = [
    offers ? `${offers} nouvelle${offers > 1 ? "s" : ""} offre${offers > 1 ? "s" : ""}` : null,
    formations ? `${formations} nouvelle${formations > 1 ? "s" : ""} formation${formations > 1 ? "s" : ""}` : null,
  ].filter(Boolean);
  return {
    userId,
    category: "job_alert",
    kind: "job_alert",
    eventKey,
    title: `${parts.join(" et ")} près de chez vous`,
    intro: "Elles viennent d'être publiées et correspondent à votre CV. Touchez « Voir » pour lire et postuler.",
    items: items.map((i) => ({
      title: i.kind === "offer" ? i.title : `Formation : ${i.title}`,
      body: [i.kind === "formation" ? i.provider : null, i.commune, kmWords(i.distance_m)].filter(Boolean).join(" · "),
      link: `/alerte/${i.token}`,
    })),
    link: offers ? "/beneficiaire/offres" : "/beneficiaire/formations",
  };
}

/** One batch of people after `after`, in one transaction; null when there is nobody left. */
async function runBatch(db: Database, after: string | null, batchSize: number, now: Date) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const { cursor, candidates } = await nextCandidates(tx, after, batchSize);
    if (!cursor) return null;
    const prefs = candidates.length ? await preferencesFor(tx, candidates.map((c) => c.user_id), "job_alert") : new Map();
    const timeZone = instanceTimeZone();
    const due = candidates.filter((c) => isDue(prefs.get(c.user_id)!.frequency, c.seen_ms === null ? null : new Date(Number(c.seen_ms)), now, timeZone));
    const claimed = due.length ? await claim(tx, due, now) : [];
    const found = claimed.length ? await findNew(tx, claimed, now) : [];

    // record the items first: their key keeps an offer out of a second message even if another run raced this one
    const withTokens = found.map((f) => ({ ...f, user_id: String(f.user_id), id: String(f.id), token: randomBytes(18).toString("base64url") }));
    const recorded = new Set<string>();
    for (let i = 0; i < withTokens.length; i += 1000) {
      const chunk = withTokens.slice(i, i + 1000);
      const rows = await queryRows<{ token: string }>(
        tx,
        sql`insert into alert_items (user_id, kind, entity_id, token, sent_at)
          select u, k, e, t, ${now.toISOString()}::timestamptz
          from unnest(${arrayLiteral(chunk.map((f) => f.user_id))}::uuid[], ${arrayLiteral(chunk.map((f) => f.kind))}::text[],
            ${arrayLiteral(chunk.map((f) => f.id))}::uuid[], ${arrayLiteral(chunk.map((f) => f.token))}::text[]) as x(u, k, e, t)
          on conflict do nothing
          returning token`,
      );
      for (const r of rows) recorded.add(r.token);
    }
    const byUser = new Map<string, Array<(typeof withTokens)[number]>>();
    for (const f of withTokens) if (recorded.has(f.token)) byUser.set(f.user_id, [...(byUser.get(f.user_id) ?? []), f]);
    const eventKey = `job-alert:${now.toISOString()}`;
    const told = await tellList(tx, [...byUser].map(([userId, items]) => alertMessage(userId, items, eventKey)), now);
    return {
      last: cursor,
      eligible: candidates.length,
      due: claimed.length,
      alerted: told.length,
      items: told.reduce((n, l) => n + l.items.length, 0),
    };
  });
}

/** Prepares the alerts due at `now` for everyone, batch by batch. */
export async function prepareAlerts(db: Database, options: { now?: Date; batchSize?: number } = {}): Promise<AlertRunReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report: AlertRunReport = { eligible: 0, due: 0, alerted: 0, items: 0, batches: 0 };
  let after: string | null = null;
  for (;;) {
    const r = await runBatch(db, after, batchSize, now);
    if (!r) return report;
    after = String(r.last);
    report.batches += 1;
    report.eligible += r.eligible;
    report.due += r.due;
    report.alerted += r.alerted;
    report.items += r.items;
  }
}
