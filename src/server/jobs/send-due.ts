// Everything due at a moment, in one run: what the pg-boss schedule runs every few minutes and
// what `npm run cli -- notifications send-due [--now …]` runs at once. Each step claims its rows
// (`for update skip locked`) and dedupes by event, so overlapping runs never send twice.

import type { Database } from "../db/client";
import { getDb } from "../db";
import { instanceToday } from "../config/time-zone";
import { deliverOutbox, senderFromEnv } from "../notifications/delivery";
import { sendDigests } from "../notifications/digests";
import { sendDueReminders } from "../followup/reminders";

export type DeliveryReport = { email: { sent: number; failed: number } | null };

export type SendDueReport = {
  checkInReminders: number;
  digests: number;
  delivered: DeliveryReport;
};

/** Hands what waits in the outboxes to the configured channels (a channel not configured keeps its rows). */
export async function deliverAll(db: Database, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<DeliveryReport> {
  const env = options.env ?? process.env;
  const mail = await senderFromEnv(env);
  return { email: mail ? await deliverOutbox(db, mail, { now: options.now }) : null };
}

export async function sendDue(db: Database, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<SendDueReport> {
  const now = options.now ?? new Date();
  const today = instanceToday(now);
  const reminders = await sendDueReminders(db, today, { now });
  const digests = await sendDigests(db, { now });
  const delivered = await deliverAll(db, { now, env: options.env });
  return { checkInReminders: reminders.reminded, digests, delivered };
}

/** In words, for the logs and the CLI. */
export function describeSendDue(r: SendDueReport): string {
  const mail = r.delivered.email ? `${r.delivered.email.sent} e-mail(s) envoyé(s), ${r.delivered.email.failed} en échec` : "e-mails gardés dans la boîte d'envoi (SMTP_URL absent)";
  return `${r.checkInReminders} rappel(s) de point de suivi, ${r.digests} récapitulatif(s), ${mail}.`;
}

export async function runSendDueOnce(): Promise<void> {
  const r = await sendDue(await getDb());
  console.log(`[envois] ${describeSendDue(r)}`);
}

export async function runDeliveryOnce(): Promise<void> {
  const r = await deliverAll(await getDb());
  if (r.email && r.email.sent + r.email.failed > 0) console.log(`[envois] e-mails : ${r.email.sent} envoyé(s), ${r.email.failed} en échec.`);
}
