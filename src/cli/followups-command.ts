// `followups due --date D [--adviser EMAIL] [--json]`, `followups remind --date D` and
// `followups deliver` (SMTP delivery of the e-mail outbox).
import { eq } from "drizzle-orm";
import { users } from "../server/auth/schema";
import type { Database } from "../server/db/client";
import { dueLists, type DueItem, type Scope } from "../server/followup/checkins";
import { instanceToday } from "../server/config/time-zone";
import { isIsoDate, type IsoDate } from "../lib/dates";
import { deliverOutbox, MailConfigError, senderFromEnv, type MailSender } from "../server/notifications/delivery";
import { sendDueReminders } from "../server/followup/reminders";
import { stringOption, UsageError } from "./args";

/** --date (YYYY-MM-DD, today in Paris when absent), checked before the database is opened. */
export function dateOption(options: Record<string, string | true>): IsoDate {
  const d = stringOption(options, "date") ?? instanceToday();
  if (!isIsoDate(d)) throw new UsageError(`--date attend une date AAAA-MM-JJ qui existe : ${d}`);
  return d;
}

const frDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function line(i: DueItem): string {
  const late = i.daysLate > 0 ? `  (${i.daysLate} j de retard)` : "";
  return `  ${frDate(i.dueOn)}  ${String(i.monthsAfter).padStart(1)} mois  ${i.firstName} ${i.lastName} — ${i.jobTitle}${i.employerName ? ` chez ${i.employerName}` : ""}${late}  [${i.checkInId}]`;
}

export async function followupsDue(
  db: Database,
  options: Record<string, string | true>,
  out: (s: string) => void,
  log: (s: string) => void,
): Promise<void> {
  const today = dateOption(options);
  const email = stringOption(options, "adviser");
  let scope: Scope = { all: true };
  if (email !== undefined) {
    const [adviser] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
    if (!adviser || adviser.role !== "adviser") throw new UsageError(`Conseiller introuvable : ${email}`);
    scope = { adviserId: adviser.id };
  }
  const lists = await dueLists(db, scope, today);
  if (options.json) {
    out(`${JSON.stringify({ date: today, ...lists }, null, 2)}\n`);
    return;
  }
  out(`Points de suivi au ${frDate(today)}${email ? ` (${email})` : ""}\n`);
  out(`En retard : ${lists.overdue.length}\n`);
  for (const i of lists.overdue) out(`${line(i)}\n`);
  out(`Cette semaine : ${lists.dueThisWeek.length}\n`);
  for (const i of lists.dueThisWeek) out(`${line(i)}\n`);
  log(`${lists.overdue.length + lists.dueThisWeek.length} point(s) de suivi.`);
}

export async function followupsRemind(db: Database, options: Record<string, string | true>, log: (s: string) => void): Promise<void> {
  const today = dateOption(options);
  const r = await sendDueReminders(db, today);
  log(`Rappels au ${frDate(today)} : ${r.reminded} point(s) de suivi, ${r.emails} e-mail(s) mis dans la boîte d'envoi (expédiés par \`followups deliver\` ou par le serveur quand SMTP_URL est défini).`);
}

/** The SMTP sender from SMTP_URL / MAIL_FROM, checked before the database is opened (null without SMTP_URL). */
export async function deliverySender(env: NodeJS.ProcessEnv = process.env): Promise<MailSender | null> {
  try {
    return await senderFromEnv(env);
  } catch (err) {
    if (err instanceof MailConfigError) throw new UsageError(err.message);
    throw err;
  }
}

export async function followupsDeliver(db: Database, sender: MailSender | null, log: (s: string) => void): Promise<void> {
  if (!sender) {
    log("SMTP_URL n'est pas défini : les e-mails restent dans la boîte d'envoi (/conseiller/boite-mail).");
    return;
  }
  const r = await deliverOutbox(db, sender);
  log(`E-mails : ${r.sent} envoyé(s), ${r.failed} en échec (nouvel essai plus tard, 3 au plus).`);
}
