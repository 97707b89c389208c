// `notifications send-due [--now ISO] [--json]`, `notifications status [--json]`,
// `notifications preview --kind CATEGORY [--html]`, `notifications vapid`.
import type { Database } from "../server/db/client";
import { CATEGORIES, CATEGORY_NAMES, isCategory } from "../server/notifications/categories";
import { renderEmail } from "../server/notifications/email";
import { notificationStatus } from "../server/notifications/status";
import { generateVapidKeys } from "../server/notifications/push";
import { describeSendDue, sendDue } from "../server/jobs/send-due";
import { stringOption, UsageError } from "./args";

/** --now: an ISO date-time with its zone (2027-03-01T08:00:00+01:00), now when absent. */
export function nowOption(options: Record<string, string | true>): Date {
  const raw = stringOption(options, "now");
  if (raw === undefined) return new Date();
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--now attend une date et une heure ISO avec leur fuseau (2027-03-01T08:00:00+01:00) : ${raw}`);
  return at;
}

export async function notificationsSendDue(db: Database, now: Date, options: Record<string, string | true>, out: (s: string) => void, log: (s: string) => void) {
  const report = await sendDue(db, { now });
  if (options.json) out(`${JSON.stringify({ now: now.toISOString(), ...report }, null, 2)}\n`);
  else log(`Envois au ${now.toISOString()} : ${describeSendDue(report)}`);
}

export async function notificationsStatus(db: Database, options: Record<string, string | true>, out: (s: string) => void) {
  const s = await notificationStatus(db);
  if (options.json) {
    out(`${JSON.stringify(s, null, 2)}\n`);
    return;
  }
  out("Canal    en attente   envoyés   en échec\n");
  for (const [channel, c] of Object.entries(s.byChannel)) out(`${channel.padEnd(8)} ${String(c.queued).padStart(10)} ${String(c.sent).padStart(9)} ${String(c.failed).padStart(10)}\n`);
  out(`\nPar catégorie :\n`);
  for (const r of s.byCategory) out(`  ${r.channel.padEnd(6)} ${r.category.padEnd(22)} ${r.queued} en attente, ${r.sent} envoyé(s), ${r.failed} en échec\n`);
  out(`\nRécapitulatifs en attente : ${s.digestWaiting}\nAdresses e-mail refusées : ${s.failingAddresses}\n`);
}

/** A rendered e-mail of a category with example words (nothing from the database). */
export function notificationsPreview(options: Record<string, string | true>, out: (s: string) => void) {
  const kind = stringOption(options, "kind", true);
  if (!isCategory(kind)) throw new UsageError(`--kind attend une catégorie : ${CATEGORY_NAMES.join(", ")}`);
  const rule = CATEGORIES[kind];
  const mail = renderEmail({
    firstName: "Camille",
    subject: rule.label,
    intro: `${rule.hint} (exemple)`,
    items: [{ title: rule.label, body: "Texte d'exemple : le vrai message dit ce qui s'est passé, en deux phrases.", link: "/" }],
    userId: "00000000-0000-4000-8000-000000000000",
    category: kind,
  });
  out(`Objet : ${mail.subject}\n\n${options.html ? mail.html : mail.body}\n`);
}

/** New VAPID keys for web push, as the lines to put in the environment. */
export function notificationsVapid(out: (s: string) => void) {
  const keys = generateVapidKeys();
  out(`WEB_PUSH_PUBLIC_KEY=${keys.publicKey}\nWEB_PUSH_PRIVATE_KEY=${keys.privateKey}\nWEB_PUSH_SUBJECT=mailto:contact@example.org\n`);
}
