// Everything due at a moment, in one run: what the pg-boss schedule runs every few minutes and
// what `npm run cli -- notifications send-due [--now …]` runs at once. Each step claims its rows
// (`for update skip locked`) and dedupes by event, so overlapping runs never send twice.

import type { Database } from "../db/client";
import { getDb } from "../db";
import { instanceToday } from "../config/time-zone";
import { deliverOutbox, senderFromEnv } from "../notifications/delivery";
import { sendDigests } from "../notifications/digests";
import { deliverMessages, type DeliveryCounts } from "../notifications/deliver-messages";
import { smsProviderFromEnv } from "../notifications/sms";
import { pushSenderFromEnv } from "../notifications/push";
import { sendDueReminders } from "../followup/reminders";
import { prepareAlerts } from "../alerts/prepare";
import { sendEmployerCheckIns } from "../followup/employer-check-ins";
import { sendApplicationReminders, sendOfferExpiryReminders } from "../applications/reminders";

/** Per channel; null when the channel is not configured (its messages wait in the outbox). */
export type DeliveryReport = { email: { sent: number; failed: number } | null; sms: DeliveryCounts["sms"] | null; push: DeliveryCounts["push"] | null };

export type SendDueReport = {
  checkInReminders: number;
  /** "is X still with you?" links sent to recruiters at the 1/3/6-month dates */
  employerCheckInLinks: number;
  /** unanswered applications recruiters were reminded of (7 and 15 days) */
  applicationReminders: number;
  /** offers about to expire, their recruiters told */
  offersExpiring: number;
  digests: number;
  /** people who got an alert, and the offers and formations in them */
  alerts: { people: number; items: number };
  delivered: DeliveryReport;
};

/** Hands what waits in the outboxes to the configured channels (a channel not configured keeps its rows). */
export async function deliverAll(db: Database, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<DeliveryReport> {
  const env = options.env ?? process.env;
  const mail = await senderFromEnv(env);
  const sms = smsProviderFromEnv(env);
  const push = pushSenderFromEnv(env);
  const email = mail ? await deliverOutbox(db, mail, { now: options.now }) : null;
  const messages = sms || push ? await deliverMessages(db, { sms, push }, { now: options.now }) : null;
  return { email, sms: sms ? messages!.sms : null, push: push ? messages!.push : null };
}

export async function sendDue(db: Database, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<SendDueReport> {
  const now = options.now ?? new Date();
  const today = instanceToday(now);
  const reminders = await sendDueReminders(db, today, { now });
  const links = await sendEmployerCheckIns(db, { today, now });
  const unanswered = await sendApplicationReminders(db, { now });
  const expiring = await sendOfferExpiryReminders(db, { today, now });
  const digests = await sendDigests(db, { now });
  const alerts = await prepareAlerts(db, { now });
  const delivered = await deliverAll(db, { now, env: options.env });
  return {
    checkInReminders: reminders.reminded,
    employerCheckInLinks: links.links,
    applicationReminders: unanswered.reminded,
    offersExpiring: expiring.offers,
    digests, alerts: { people: alerts.alerted, items: alerts.items }, delivered };
}

/** In words, for the logs and the CLI. */
export function describeSendDue(r: SendDueReport): string {
  const d = r.delivered;
  const mail = d.email ? `${d.email.sent} e-mail(s) envoyé(s), ${d.email.failed} en échec` : "e-mails gardés dans la boîte d'envoi (SMTP_URL absent)";
  const sms = d.sms ? `${d.sms.sent} SMS envoyé(s), ${d.sms.failed} en échec, ${d.sms.waiting} en attente` : "SMS en attente (SMS_API_KEY absent)";
  const push = d.push ? `${d.push.sent} notification(s) envoyée(s), ${d.push.failed} en échec` : "notifications en attente (clés VAPID absentes)";
  return `${r.checkInReminders} rappel(s) de point de suivi, ${r.employerCheckInLinks} lien(s) de suivi aux employeurs, ${r.applicationReminders} relance(s) de candidature, ${r.offersExpiring} offre(s) bientôt expirée(s), ${r.digests} récapitulatif(s), ${r.alerts.people} alerte(s) (${r.alerts.items} offre(s) et formation(s)), ${mail}, ${sms}, ${push}.`;
}

export async function runSendDueOnce(): Promise<void> {
  const r = await sendDue(await getDb());
  console.log(`[envois] ${describeSendDue(r)}`);
}

export async function runDeliveryOnce(): Promise<void> {
  const r = await deliverAll(await getDb());
  const moved = (c: { sent: number; failed: number } | null) => (c ? c.sent + c.failed : 0);
  if (moved(r.email) + moved(r.sms) + moved(r.push) > 0) {
    console.log(`[envois] e-mails ${r.email?.sent ?? 0}/${moved(r.email)}, SMS ${r.sms?.sent ?? 0}/${moved(r.sms)}, notifications ${r.push?.sent ?? 0}/${moved(r.push)} envoyés.`);
  }
}
