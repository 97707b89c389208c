// Delivery of text messages and web-push notifications from the message_outbox table (the
// e-mail outbox's twin, delivery.ts).
//
// A row is due while done_at is empty and not_before has passed. Rows are claimed one batch per
// transaction with `for update skip locked`, sent, then marked before the transaction commits:
// two deliverers at once (several app processes, or the app and the CLI) never send the same
// row twice.
//
// Rules:
// - quiet hours (20:00–08:00, instance time zone): nothing leaves; a row found due then waits
//   for 08:00 (tell() already sets not_before so, this covers a deliverer that ran late);
// - at most one SMS a day per person: a second one waits for the next morning 08:00. Each
//   person's SMS are sent under a transaction-level advisory lock taken with "try" (a locked
//   person is left for the next run rather than waited for: waiting could deadlock two
//   deliverers holding each other's people);
// - a failure that may pass (network, 429, 5xx) is tried again after 5 min × 2^attempts, at
//   most MAX_MESSAGE_ATTEMPTS times, then the row is done with its error kept; a permanent
//   failure (a refused number) is done at once;
// - push goes to every subscription of the person; a subscription the push service says is gone
//   (404, 410) is deleted. A push row is sent when at least one device took it, and retried only
//   when none did (so no device ever shows it twice);
// - a channel without a provider (null) leaves its rows waiting.

import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { addDays, instantAt, todayIn } from "../../lib/dates";
import { normalisePhone, phoneRegionForTimeZone } from "../../lib/phone";
import { absoluteLink } from "./email";
import { afterQuietHours } from "./tell";
import type { MessageChannel } from "./schema";
import { SmsError, type SmsProvider } from "./sms";
import { PushError, type PushSender } from "./push";

export const MAX_MESSAGE_ATTEMPTS = 5;
const BACKOFF_BASE_MINUTES = 5;
const MORNING_HOUR = 8;

export type MessageProviders = { sms: SmsProvider | null; push: PushSender | null };
export type ChannelCounts = { sent: number; failed: number; waiting: number };
export type DeliveryCounts = Record<MessageChannel, ChannelCounts>;

type Row = { id: string; user_id: string; channel: MessageChannel; to_address: string | null; title: string; body: string; link: string | null; attempts: number };

/** What became of one row in this run. */
type Outcome =
  | { kind: "sent" }
  | { kind: "failed"; error: string; retryable: boolean }
  | { kind: "postponed"; until: Date }
  | { kind: "skipped" };

/** When the n-th failure (attempts already made: n) may be tried again. */
export function retryAt(now: Date, attemptsBefore: number, timeZone: string): Date {
  return afterQuietHours(new Date(now.getTime() + BACKOFF_BASE_MINUTES * 60_000 * 2 ** attemptsBefore), timeZone);
}

const errorText = (attempt: number, message: string) =>
  `Échec ${attempt}/${MAX_MESSAGE_ATTEMPTS} : ${message.replace(/\s+/g, " ").trim().slice(0, 500) || "erreur inconnue"}`;

/** Sends the due SMS and push rows; returns, per channel, what was sent, what failed and what still waits. */
export async function deliverMessages(
  db: Database,
  providers: MessageProviders,
  options: { now?: Date; batchSize?: number; timeZone?: string } = {},
): Promise<DeliveryCounts> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? instanceTimeZone();
  const batchSize = options.batchSize ?? 20;
  const counts: DeliveryCounts = { sms: { sent: 0, failed: 0, waiting: 0 }, push: { sent: 0, failed: 0, waiting: 0 } };

  const quietUntil = afterQuietHours(now, timeZone);
  const quiet = quietUntil.getTime() !== now.getTime();

  for (const channel of ["sms", "push"] as const) {
    const provider = providers[channel];
    if (!provider) continue; // not configured: its rows wait
    const skipped: string[] = []; // rows another deliverer holds the person of: for a later run
    for (;;) {
      const done = await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Database;
        const rows = await queryRows<Row>(
          tx,
          sql`select id, user_id, channel, to_address, title, body, link, attempts
            from message_outbox
            where done_at is null and channel = ${channel} and not_before <= ${now.toISOString()}::timestamptz
              ${skipped.length ? sql`and id not in (${sql.join(skipped.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
            order by not_before, created_at, id
            limit ${batchSize}
            for update skip locked`,
        );
        for (const raw of rows) {
          const row = { ...raw, id: String(raw.id), user_id: String(raw.user_id), attempts: Number(raw.attempts) };
          let outcome: Outcome;
          if (quiet) outcome = { kind: "postponed", until: quietUntil };
          else if (channel === "sms") outcome = await sendSms(tx, provider as SmsProvider, row, now, timeZone);
          else outcome = await sendPush(tx, provider as PushSender, row);
          await record(tx, row, outcome, now, timeZone);
          if (outcome.kind === "sent") counts[channel].sent += 1;
          else if (outcome.kind === "failed") counts[channel].failed += 1;
          else if (outcome.kind === "skipped") skipped.push(row.id);
        }
        return rows.length;
      });
      if (done < batchSize) break;
    }
  }

  const waiting = await queryRows<{ channel: MessageChannel; n: number }>(
    db,
    sql`select channel, count(*)::int as n from message_outbox where done_at is null group by channel`,
  );
  for (const w of waiting) if (w.channel in counts) counts[w.channel].waiting = Number(w.n);
  return counts;
}

async function record(tx: Database, row: Row, outcome: Outcome, now: Date, timeZone: string): Promise<void> {
  const at = now.toISOString();
  switch (outcome.kind) {
    case "sent":
      await tx.execute(
        sql`update message_outbox set sent_at = ${at}::timestamptz, done_at = ${at}::timestamptz, error = null, attempts = attempts + 1 where id = ${row.id}::uuid`,
      );
      return;
    case "postponed":
      await tx.execute(sql`update message_outbox set not_before = ${outcome.until.toISOString()}::timestamptz where id = ${row.id}::uuid`);
      return;
    case "skipped":
      return;
    case "failed": {
      const attempt = row.attempts + 1;
      const error = errorText(attempt, outcome.error);
      if (outcome.retryable && attempt < MAX_MESSAGE_ATTEMPTS) {
        const next = retryAt(now, row.attempts, timeZone);
        await tx.execute(
          sql`update message_outbox set attempts = ${attempt}, error = ${error}, not_before = ${next.toISOString()}::timestamptz where id = ${row.id}::uuid`,
        );
      } else {
        await tx.execute(sql`update message_outbox set attempts = ${attempt}, error = ${error}, done_at = ${at}::timestamptz where id = ${row.id}::uuid`);
      }
    }
  }
}

async function sendSms(tx: Database, provider: SmsProvider, row: Row, now: Date, timeZone: string): Promise<Outcome> {
  // One person's SMS one deliverer at a time, so that the count of today's SMS below holds.
  const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`message-sms:${row.user_id}`})) as ok`);
  if (!lock?.ok) return { kind: "skipped" };
  const today = todayIn(timeZone, now);
  const dayStart = instantAt(today, 0, timeZone);
  const [already] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from message_outbox
      where user_id = ${row.user_id}::uuid and channel = 'sms' and sent_at >= ${dayStart.toISOString()}::timestamptz and id <> ${row.id}::uuid`,
  );
  if (Number(already?.n ?? 0) > 0) return { kind: "postponed", until: instantAt(addDays(today, 1), MORNING_HOUR, timeZone) };

  // Numbers typed before they were normalised are read once more; a wrong one can never leave.
  const phone = row.to_address ? (row.to_address.startsWith("+") ? { ok: true as const, e164: row.to_address } : normalisePhone(row.to_address, phoneRegionForTimeZone(timeZone))) : null;
  if (!phone || !phone.ok) return { kind: "failed", error: `numéro de téléphone invalide (${row.to_address ?? "aucun"})`, retryable: false };
  try {
    await provider.send({ to: phone.e164, text: smsText(row) });
    return { kind: "sent" };
  } catch (err) {
    if (err instanceof SmsError) return { kind: "failed", error: err.message, retryable: err.retryable };
    return { kind: "failed", error: err instanceof Error ? err.message : String(err), retryable: true };
  }
}

/** The text as it leaves: the short body tell() stored, and the page's address when the site has one (AUTH_URL). */
function smsText(row: Row): string {
  const link = row.link ? absoluteLink(row.link) : null;
  return link && /^https?:\/\//.test(link) ? `${row.body} ${link}` : row.body;
}

async function sendPush(tx: Database, sender: PushSender, row: Row): Promise<Outcome> {
  const targets = await queryRows<{ id: string; endpoint: string; p256dh: string; auth: string }>(
    tx,
    sql`select id, endpoint, p256dh, auth from push_subscriptions where user_id = ${row.user_id}::uuid order by created_at`,
  );
  if (!targets.length) return { kind: "failed", error: "aucun appareil abonné aux notifications", retryable: false };
  let delivered = 0;
  let retryable = false;
  const errors: string[] = [];
  for (const target of targets) {
    try {
      await sender.send(target, { title: row.title, body: row.body, url: row.link });
      delivered += 1;
    } catch (err) {
      if (err instanceof PushError && err.gone) {
        await tx.execute(sql`delete from push_subscriptions where id = ${String(target.id)}::uuid`);
        errors.push(`${err.message} (abonnement supprimé)`);
        continue;
      }
      retryable ||= !(err instanceof PushError) || err.retryable;
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (delivered > 0) return { kind: "sent" };
  return { kind: "failed", error: errors.join(" ; "), retryable };
}
