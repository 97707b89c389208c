// Reminders to organisations (run by the lead's jobs and `notifications send-due`):
// - an application or registration still unanswered ("sent" or "seen") 7 days after it was
//   sent: a reminder to each recruiter; after 15 days the last reminder, and the person's
//   adviser is told it waits (caseload_alert). One message per application and stage;
// - a published offer expiring within 3 days: its recruiters are told once per expiry date.
// Both are safe to run often and from several processes at once: tell() keeps one message per
// event key, and what was told already is skipped by the queries.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { addDays, daysBetween, formatDate, todayIn, type IsoDate } from "../../lib/dates";
import { tell, type Tidings } from "../notifications/tell";
import { recruiterIds } from "../organisations/contacts";
import { recruitingPaths } from "../offers/paths";
import { applicationFacts, organisationLink, personName } from "./news";

export const FIRST_REMINDER_DAYS = 7;
export const LAST_REMINDER_DAYS = 15;
export const OFFER_EXPIRY_NOTICE_DAYS = 3;

const reminderKey = (applicationId: string, stage: number) => `application-reminder:${applicationId}:${stage}`;

/** Reminds the recruiters of unanswered applications (7 and 15 days); returns how many reminders were new. */
export async function sendApplicationReminders(db: Database, opts: { now?: Date; batchSize?: number } = {}): Promise<{ reminded: number; advisersTold: number }> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 200;
  const day = 24 * 3600_000;
  const firstBefore = new Date(now.getTime() - FIRST_REMINDER_DAYS * day).toISOString();
  const lastBefore = new Date(now.getTime() - LAST_REMINDER_DAYS * day).toISOString();
  let reminded = 0;
  let advisersTold = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    // the stage each application has reached, unless its reminder of that stage exists already
    const due = await queryRows<{ id: string; stage: number }>(
      db,
      sql`select a.id, s.stage
        from applications a
        join beneficiary_profiles p on p.id = a.profile_id
        left join offers o on o.id = a.offer_id
        left join formations f on f.id = a.formation_id
        cross join lateral (select case when a.created_at <= ${lastBefore}::timestamptz then ${LAST_REMINDER_DAYS}::int else ${FIRST_REMINDER_DAYS}::int end as stage) s
        where a.status in ('sent', 'seen') and a.created_at <= ${firstBefore}::timestamptz and a.id > ${after}::uuid
          and (o.status in ('published', 'paused') or f.status in ('published', 'full'))
          -- looked up through the recipients, so that the (user, event) index answers
          and not exists (
            select 1 from employer_members m
            join notifications n on n.user_id = m.user_id and n.event_key = 'application-reminder:' || a.id::text || ':' || s.stage::text
            where m.employer_id = coalesce(o.employer_id, f.organisation_id))
          and (p.adviser_id is null or s.stage < ${LAST_REMINDER_DAYS}::int or not exists (
            select 1 from notifications n where n.user_id = p.adviser_id and n.event_key = 'application-unanswered:' || a.id::text))
        order by a.id
        limit ${batchSize}`,
    );
    if (!due.length) break;
    after = String(due[due.length - 1]!.id);
    const stageOf = new Map(due.map((d) => [String(d.id), Number(d.stage)]));
    for (const a of await applicationFacts(db, [...stageOf.keys()])) {
      const stage = stageOf.get(a.id)!;
      const last = stage === LAST_REMINDER_DAYS;
      const who = personName(a);
      const isOffer = a.offerId !== null;
      const what = isOffer ? `la candidature de ${who} à « ${a.title} »` : `l'inscription de ${who} à « ${a.title} »`;
      const days = daysBetween(todayIn(instanceTimeZone(), a.createdAt), todayIn(instanceTimeZone(), now));
      await db.transaction(async (tx) => {
        const items: Tidings[] = (await recruiterIds(tx, a.organisationId)).map((userId) => ({
          userId,
          category: "application_reminder",
          eventKey: reminderKey(a.id, stage),
          title: last ? `Dernier rappel : ${who} attend votre réponse` : `${who} attend votre réponse`,
          body: last
            ? `Vous n'avez pas encore répondu à ${what}, envoyée il y a ${days} jours. Même un « non » aide la personne à avancer : son conseiller est prévenu.`
            : `Vous n'avez pas encore répondu à ${what}, envoyée il y a ${days} jours. Une réponse, même courte, compte beaucoup pour la personne.`,
          link: organisationLink(a),
          aboutProfileId: a.profileId,
          kind: "application_reminder",
        }));
        reminded += await tell(tx, items, now);
        if (last && a.adviserId) {
          advisersTold += await tell(
            tx,
            [
              {
                userId: a.adviserId,
                category: "caseload_alert",
                eventKey: `application-unanswered:${a.id}`,
                title: `Sans réponse depuis ${days} jours : ${who}`,
                body: `${a.organisationName ?? "L'organisation"} n'a pas répondu à ${what}. Vous pouvez relancer l'employeur ou proposer d'autres offres.`,
                link: `/conseiller/personnes/${a.profileId}`,
                aboutProfileId: a.profileId,
                kind: "application_unanswered",
              },
            ],
            now,
          );
        }
      });
    }
    if (due.length < batchSize) break;
  }
  return { reminded, advisersTold };
}

/** Tells the recruiters of published offers expiring within 3 days (once per offer and expiry date). */
export async function sendOfferExpiryReminders(db: Database, opts: { today?: IsoDate; now?: Date } = {}): Promise<{ offers: number; told: number }> {
  const now = opts.now ?? new Date();
  const today = opts.today ?? todayIn(instanceTimeZone(), now);
  const rows = await queryRows<{ id: string; title: string; employer_id: string; expires_on: string; applications: number }>(
    db,
    sql`select o.id, o.title, o.employer_id, o.expires_on::text as expires_on,
        (select count(*)::int from applications a where a.offer_id = o.id and a.status in ('sent', 'seen')) as applications
      from offers o
      where o.status = 'published' and o.employer_id is not null
        and o.expires_on between ${today}::date and ${addDays(today, OFFER_EXPIRY_NOTICE_DAYS)}::date
        and not exists (select 1 from notifications n where n.event_key = 'offer-expiry:' || o.id::text || ':' || o.expires_on::text)
      order by o.expires_on, o.id`,
  );
  let told = 0;
  for (const o of rows) {
    const waiting = Number(o.applications);
    await db.transaction(async (tx) => {
      const items: Tidings[] = (await recruiterIds(tx, String(o.employer_id))).map((userId) => ({
        userId,
        category: "application_reminder",
        eventKey: `offer-expiry:${o.id}:${o.expires_on}`,
        title: `Votre offre « ${o.title} » expire bientôt`,
        body:
          `Elle ne sera plus visible après le ${formatDate(o.expires_on, instanceTimeZone())}. Prolongez-la si le poste est encore à pourvoir.` +
          (waiting ? ` ${waiting} candidature${waiting > 1 ? "s attendent" : " attend"} encore votre réponse.` : ""),
        link: recruitingPaths(String(o.id)).offer,
        kind: "offer_expiry",
      }));
      told += await tell(tx, items, now);
    });
  }
  return { offers: rows.length, told };
}
