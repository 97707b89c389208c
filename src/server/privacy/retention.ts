// The retention schedule (docs/reliability.md, "Erasure and retention"), run by
// `npm run cli -- privacy purge [--date D]` and by the app server's privacy job
// (src/server/jobs/privacy-job.ts, every PRIVACY_JOB_HOURS):
//
// - an e-mail leaves the outbox 30 days after it was sent (or queued, if it never was: a code
//   or a reminder is worthless by then);
// - a profile inactive for the instance's `retention.inactiveProfileMonths` (default 24) is
//   erased with erasePerson, after a warning one calendar month before (an e-mail to the
//   person, an in-app notification on their account, one to their adviser), given once.
//
// "Last activity" of a profile is the latest of: the profile's creation or last change, the
// account's creation or last sign-in, an application sent or changed, a proposal received or
// answered, a placement recorded, a check-in recorded (or still pending: a person in follow-up
// is never inactive), an adviser's note. A warning is not an activity; anything above after
// the warning cancels it (the person is then warned again before a later erasure).

import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { queryRows, type Database } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { addDays, addMonths, type IsoDate } from "../../lib/dates";
import { loadInstanceConfig } from "../config/config";
import { notify, type NewNotification } from "../notifications/inbox";
import { deleteOutboxBefore, queueEmails } from "../notifications/outbox";
import { smsText } from "../notifications/sms-text";
import { tell } from "../notifications/tell";
import { markRetentionWarned } from "../profiles/erase";
import { erasePerson } from "./erase";
import { OUTBOX_KEEP_DAYS } from "./reasons";

export { OUTBOX_KEEP_DAYS };
export const DEFAULT_INACTIVE_MONTHS = 24;
export const RETENTION_WARNING_KIND = "retention_warning";

export type RetentionDecision = "keep" | "warn" | "erase";

/**
 * What to do with one profile on `today` (Paris dates): warned from a calendar month before the
 * limit, erased once the limit has passed and a warning given after the last activity is at
 * least a calendar month old. Never erased without such a warning.
 */
export function retentionDecision(
  p: { lastActivityAt: Date; warnedAt: Date | null },
  today: IsoDate,
  months: number,
): RetentionDecision {
  const last = instanceToday(p.lastActivityAt);
  if (today < addMonths(last, months - 1)) return "keep";
  const warnedSinceActivity = p.warnedAt !== null && p.warnedAt.getTime() > p.lastActivityAt.getTime();
  if (!warnedSinceActivity) return "warn";
  if (today >= addMonths(last, months) && today >= addMonths(instanceToday(p.warnedAt!), 1)) return "erase";
  return "keep";
}

/** The day a warned profile will be erased if nothing happens. */
export function erasureDay(lastActivityAt: Date, warnedOn: IsoDate, months: number): IsoDate {
  const byActivity = addMonths(instanceToday(lastActivityAt), months);
  const byWarning = addMonths(warnedOn, 1);
  return byActivity > byWarning ? byActivity : byWarning;
}

/** The instance's inactivity limit in months. */
export function inactiveMonths(): number {
  try {
    return loadInstanceConfig().retention.inactiveProfileMonths;
  } catch {
    return DEFAULT_INACTIVE_MONTHS;
  }
}

/** SQL: the last activity of the profile `p` (joined with its account `u`), see the header. */
const LAST_ACTIVITY = sql`greatest(
  p.created_at, p.updated_at, u.created_at, u.last_sign_in_at,
  (select max(greatest(a.created_at, a.updated_at)) from applications a where a.profile_id = p.id),
  (select max(greatest(pr.created_at, pr.answered_at)) from proposals pr where pr.profile_id = p.id),
  (select max(greatest(pl.created_at, c.recorded_at, case when c.status = 'pending' then c.due_on::timestamptz end))
     from placements pl left join check_ins c on c.placement_id = pl.id where pl.profile_id = p.id),
  (select max(n.created_at) from adviser_notes n where n.profile_id = p.id)
)`;

type Candidate = {
  id: string;
  last_activity: string | Date;
  retention_warned_at: string | Date | null;
};

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const frDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Profiles that may need a warning or an erasure on `today` (a generous filter; retentionDecision decides). */
async function candidates(db: Database, today: IsoDate, months: number): Promise<Candidate[]> {
  const before = addDays(addMonths(today, -(months - 1)), 2);
  return queryRows<Candidate>(
    db,
    sql`select * from (
          select p.id, ${LAST_ACTIVITY} as last_activity, p.retention_warned_at
          from beneficiary_profiles p left join users u on u.id = p.user_id
        ) x where x.last_activity < ${before}::date
        order by x.last_activity, x.id`,
  );
}

function platformName(): string {
  try {
    return loadInstanceConfig().displayName;
  } catch {
    return "la plateforme";
  }
}

/** One warning, in one transaction, unless the profile changed since it was picked (row locked). */
async function warn(db: Database, profileId: string, today: IsoDate, now: Date, months: number): Promise<boolean> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await queryRows<
      Candidate & { user_id: string | null; account_email: string | null; account_status: string | null; email: string | null; adviser_id: string | null; first_name: string; last_name: string }
    >(
      tx,
      sql`select p.id, p.user_id, p.retention_warned_at, ${LAST_ACTIVITY} as last_activity,
            u.email as account_email, u.status as account_status, p.email, p.adviser_id, p.first_name, p.last_name
          from beneficiary_profiles p left join users u on u.id = p.user_id
          where p.id = ${profileId}::uuid
          for update of p skip locked`,
    );
    if (!row) return false;
    const lastActivityAt = asDate(row.last_activity);
    const warnedAt = row.retention_warned_at ? asDate(row.retention_warned_at) : null;
    if (retentionDecision({ lastActivityAt, warnedAt }, today, months) !== "warn") return false;
    const day = frDate(erasureDay(lastActivityAt, today, months));
    const platform = platformName();
    // only this column: updated_at is an activity, the warning is not
    await markRetentionWarned(tx, profileId, now);
    const hasAccount = Boolean(row.user_id && row.account_status === "active");
    const intro = `Vous n'avez pas utilisé ${platform} depuis longtemps. Nous gardons vos données ${months} mois après votre dernière activité.`;
    const erased = `Le ${day}, nous effacerons votre CV, vos candidatures et ${hasAccount ? "votre compte" : "votre dossier"}.`;
    if (hasAccount) {
      // the account's own category: it cannot be turned off, and goes through tell like every message
      await tell(
        tx,
        [{
          userId: row.user_id!,
          category: "account",
          kind: RETENTION_WARNING_KIND,
          eventKey: `retention-warning:${profileId}:${today}`,
          aboutProfileId: profileId,
          title: `Vos données seront effacées le ${day}`,
          body: `${intro} ${erased} Pour les garder, connectez-vous à ${platform} avant cette date : votre visite suffit.`,
          link: "/beneficiaire/mes-donnees",
          sms: smsText(row.first_name, `Vos données seront effacées le ${day} : connectez-vous avant pour les garder`, "/beneficiaire/mes-donnees"),
        }],
        now,
      );
    } else if (row.email) {
      // no account to tell: the address of the file only (e.g. someone whose adviser created it)
      await queueEmails(tx, [{
        toAddress: row.email,
        aboutProfileId: profileId,
        subject: `[${platform}] Vos données seront effacées le ${day}`,
        body: `Bonjour,\n\n${intro}\n\n${erased}\n\nPour les garder, contactez votre conseiller ou votre conseillère avant cette date.\n\nCe message est envoyé automatiquement.`,
      }]);
    }
    const notes: NewNotification[] = [];
    if (row.adviser_id) {
      notes.push({
        userId: row.adviser_id,
        aboutProfileId: profileId,
        kind: RETENTION_WARNING_KIND,
        title: `Dossier inactif : ${`${row.first_name} ${row.last_name}`.trim() || "une personne"} sera effacé le ${day}`,
        body: `Aucune activité depuis ${months - 1} mois. Une note, un changement du dossier ou une connexion de la personne le garde.`,
        link: `/conseiller/personnes/${profileId}`,
      });
    }
    await notify(tx, notes);
    await recordAudit(tx, { actorId: null, action: "person.retention_warning", subjectType: "profile", subjectId: profileId, details: { eraseOn: erasureDay(lastActivityAt, today, months) } });
    return true;
  });
}

/** Deletes outbox e-mails sent (or queued) more than OUTBOX_KEEP_DAYS days before `now`. */
export async function purgeOutbox(db: Database, now: Date): Promise<number> {
  return deleteOutboxBefore(db, new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000));
}

export type PurgeReport = { date: IsoDate; inactiveMonths: number; warned: number; erased: number; outboxDeleted: number };

/**
 * One run of the schedule for `today` (Paris date; `now` stamps the warnings). Safe to run
 * twice or from two processes: each profile is locked and re-decided in its own transaction.
 */
export async function runRetention(
  db: Database,
  options: { today?: IsoDate; now?: Date; months?: number } = {},
): Promise<PurgeReport> {
  const now = options.now ?? new Date();
  const today = options.today ?? instanceToday(now);
  const months = options.months ?? inactiveMonths();
  const report: PurgeReport = { date: today, inactiveMonths: months, warned: 0, erased: 0, outboxDeleted: 0 };
  for (const c of await candidates(db, today, months)) {
    const decision = retentionDecision(
      { lastActivityAt: asDate(c.last_activity), warnedAt: c.retention_warned_at ? asDate(c.retention_warned_at) : null },
      today,
      months,
    );
    if (decision === "warn" && (await warn(db, String(c.id), today, now, months))) report.warned++;
    if (decision === "erase") {
      const done = await erasePerson(db, { profileId: String(c.id) }, { kind: "retention" }, "retention", {
        stillDue: async (tx) => {
          const [row] = await queryRows<Candidate>(
            tx,
            sql`select p.id, ${LAST_ACTIVITY} as last_activity, p.retention_warned_at
                from beneficiary_profiles p left join users u on u.id = p.user_id
                where p.id = ${String(c.id)}::uuid for update of p`,
          );
          return (
            !!row &&
            retentionDecision(
              { lastActivityAt: asDate(row.last_activity), warnedAt: row.retention_warned_at ? asDate(row.retention_warned_at) : null },
              today,
              months,
            ) === "erase"
          );
        },
      });
      if (done) report.erased++;
    }
  }
  report.outboxDeleted = await purgeOutbox(db, now);
  return report;
}
