// Reminders when placement check-ins fall due.
//
// Run by `npm run cli -- followups remind [--date D]` (e.g. daily from cron or a systemd
// timer): the queue is the check_ins table itself (pending, due, remindedAt null), taken in
// batches with `for update skip locked`, so two runners at once never remind twice.
//
// Also run by the app server itself (the send-due job, src/server/jobs/boss.ts); the row claims
// make that safe with several instances.
//
// Each reminder tells the adviser (notifications/tell.ts): in the app, and by e-mail as their
// "Points de suivi à faire" setting says. Without SMTP_URL e-mails stay in the outbox page.

import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import type { IsoDate } from "../../lib/dates";
import { tell } from "../notifications/tell";

export const CHECK_IN_DUE_KIND = "check_in_due";

const frDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

type DueRow = {
  id: string;
  months_after: number;
  due_on: string;
  job_title: string;
  employer_name: string | null;
  first_name: string;
  last_name: string;
  adviser_id: string;
  adviser_email: string | null;
  profile_id: string;
};

/** The words of one reminder (notification and e-mail share them). */
export function reminderText(r: { monthsAfter: number; dueOn: IsoDate; jobTitle: string; employerName: string | null; firstName: string; lastName: string }, today: IsoDate) {
  const who = `${r.firstName} ${r.lastName}`.trim();
  const job = r.employerName ? `${r.jobTitle} chez ${r.employerName}` : r.jobTitle;
  const when = r.dueOn < today ? `prévu le ${frDate(r.dueOn)}, en retard` : `prévu le ${frDate(r.dueOn)}`;
  return {
    title: `Point de suivi à ${r.monthsAfter} mois : ${who}`,
    body: `${job} — ${when}. Appelez la personne et notez où elle en est.`,
  };
}

/**
 * For every pending check-in due on or before `today` and not reminded yet, whose person has
 * an active adviser (the profile's adviser, else the one recorded on the placement): an in-app
 * notification for that adviser, an e-mail in the outbox (when the adviser has an address),
 * and remindedAt set — per batch, in one transaction, rows locked with `skip locked`.
 * Returns how many check-ins were reminded.
 */
export async function sendDueReminders(
  db: Database,
  today: IsoDate,
  options: { batchSize?: number; now?: Date } = {},
): Promise<{ reminded: number; emails: number }> {
  const batchSize = options.batchSize ?? 100;
  const now = options.now ?? new Date();
  let reminded = 0;
  let emails = 0;
  for (;;) {
    const done = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const rows = await queryRows<DueRow>(
        tx,
        sql`select c.id, c.months_after::int as months_after, c.due_on::text as due_on, pl.job_title,
            coalesce(pl.employer_name, e.name) as employer_name, p.first_name, p.last_name,
            a.id as adviser_id, a.email as adviser_email, p.id as profile_id
          from check_ins c
          join placements pl on pl.id = c.placement_id
          join beneficiary_profiles p on p.id = pl.profile_id
          join users a on a.id = coalesce(p.adviser_id, pl.adviser_id) and a.status = 'active'
          left join employers e on e.id = pl.employer_id
          where c.status = 'pending' and c.reminded_at is null and c.due_on <= ${today}::date
          order by c.due_on, c.id
          limit ${batchSize}
          for update of c skip locked`,
      );
      if (rows.length === 0) return { count: 0, emails: 0 };
      const texts = rows.map((r) => ({
        r,
        ...reminderText(
          {
            monthsAfter: Number(r.months_after),
            dueOn: r.due_on,
            jobTitle: r.job_title,
            employerName: r.employer_name,
            firstName: r.first_name,
            lastName: r.last_name,
          },
          today,
        ),
      }));
      // the adviser's choices apply (category follow_up: e-mail at once by default)
      await tell(
        tx,
        texts.map((t) => ({
          userId: String(t.r.adviser_id),
          category: "follow_up" as const,
          kind: CHECK_IN_DUE_KIND,
          eventKey: `check-in-due:${String(t.r.id)}`,
          title: t.title,
          body: t.body,
          link: "/conseiller/suivi",
          aboutProfileId: String(t.r.profile_id),
        })),
        now,
      );
      const mails = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from email_outbox where event_key in (${sql.join(texts.map((t) => sql`${`check-in-due:${String(t.r.id)}`}`), sql`, `)})`,
      );
      await tx.execute(sql`update check_ins set reminded_at = ${now.toISOString()}::timestamptz where id in (${uuidList(rows.map((r) => String(r.id)))})`);
      return { count: rows.length, emails: Number(mails[0]?.n ?? 0) };
    });
    reminded += done.count;
    emails += done.emails;
    if (done.count < batchSize) return { reminded, emails };
  }
}
