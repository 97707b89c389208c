// Delivery of the e-mail outbox through an SMTP relay.
//
// The queue is the email_outbox table itself: a row is due while sentAt is empty and it has
// not failed for good. Rows are claimed one batch per transaction with
// `for update skip locked`, sent, then marked (sentAt, or the failure in `error`) before the
// transaction commits: two senders at once (several app instances, or the app and the CLI)
// never send the same e-mail twice.
//
// Retries, within the existing columns: a failure is written to `error` as
//   "Échec 1/3 (2026-11-22T10:00:00.000Z) : <message>"
// and the row is tried again once `retryAfterMinutes` have passed since that attempt, up to
// MAX_ATTEMPTS attempts; after the last one the row keeps its error and stays in the outbox
// (visible on /conseiller/boite-mail). An `error` not in that form is never retried.
//
// A permanent refusal (SMTP 5xx: no such mailbox…) is not retried: the address is recorded as
// failing (nothing more is queued to it until a later e-mail gets through), and the person's
// adviser is told. E-mails of a category carry RFC 8058 one-click unsubscribe headers.

import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { unsubscribeHeaders } from "./email";
import { tell } from "./tell";

export const MAX_ATTEMPTS = 3;
const DEFAULT_RETRY_AFTER_MINUTES = 15;

/** What nodemailer's transport offers and we use (a fake one in the tests). */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; headers?: Record<string, string> }): Promise<unknown>;
};

export type MailSender = { transport: MailTransport; from: string };

export class MailConfigError extends Error {}

/** "Échec n/3 (ISO time) : message" for the attempt number n that failed. */
export function failureText(attempt: number, at: Date, err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").trim().slice(0, 500) || "erreur inconnue";
  return `Échec ${attempt}/${MAX_ATTEMPTS} (${at.toISOString()}) : ${message}`;
}

/** The attempt count and time recorded in an `error`, or null when it is not in our form. */
export function parseFailure(error: string | null): { attempts: number; at: Date } | null {
  if (!error) return null;
  const m = /^Échec (\d+)\/\d+ \(([^)]+)\)/.exec(error);
  if (!m) return null;
  const at = new Date(m[2]!);
  if (Number.isNaN(at.getTime())) return null;
  return { attempts: Number(m[1]), at };
}

type OutboxRow = { id: string; to_address: string; subject: string; body: string; html: string | null; user_id: string | null; category: string | null; error: string | null };

/** The relay refused for good (5xx): retrying cannot help. */
export function isPermanentRefusal(err: unknown): boolean {
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** Records a refused address and tells the adviser of the person it belongs to (once per address). */
async function markAddressFailing(tx: Database, address: string, error: string, now: Date): Promise<void> {
  const fresh = await queryRows<{ address: string }>(
    tx,
    sql`insert into failing_addresses (address, error, failed_at) values (lower(${address}), ${error}, ${now.toISOString()}::timestamptz)
      on conflict (address) do nothing returning address`,
  );
  if (!fresh.length) return;
  // read-only: whose address it is and who follows them
  const advised = await queryRows<{ adviser_id: string; profile_id: string; first_name: string; last_name: string }>(
    tx,
    sql`select p.adviser_id, p.id as profile_id, p.first_name, p.last_name
      from users u join beneficiary_profiles p on p.user_id = u.id
      where lower(u.email) = lower(${address}) and p.adviser_id is not null`,
  );
  await tell(
    tx,
    advised.map((a) => ({
      userId: String(a.adviser_id),
      category: "caseload_alert" as const,
      eventKey: `email-failing:${String(a.profile_id)}:${now.toISOString().slice(0, 10)}`,
      title: `Les e-mails n'arrivent plus à ${a.first_name} ${a.last_name}`,
      body: "Le serveur de messagerie refuse son adresse. Vérifiez-la avec la personne ; en attendant, elle voit ses messages dans l'application.",
      link: `/conseiller/personnes/${String(a.profile_id)}`,
      aboutProfileId: String(a.profile_id),
    })),
    now,
  );
}

/**
 * Sends the due outbox rows (oldest first) with `sender`, batch by batch; returns how many
 * were sent and how many failed on this run.
 */
export async function deliverOutbox(
  db: Database,
  sender: MailSender,
  options: { batchSize?: number; now?: Date; retryAfterMinutes?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const batchSize = options.batchSize ?? 20;
  const now = options.now ?? new Date();
  const retryBefore = new Date(now.getTime() - (options.retryAfterMinutes ?? DEFAULT_RETRY_AFTER_MINUTES) * 60_000);
  let sent = 0;
  let failed = 0;
  const tried = new Set<string>(); // a row that failed in this run waits for a later run
  for (;;) {
    const done = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      // Retryable failures: our own "Échec n/…" form, n below the maximum, old enough.
      const rows = await queryRows<OutboxRow>(
        tx,
        sql`select id, to_address, subject, body, html, user_id, category, error
          from email_outbox
          where sent_at is null
            and (error is null
              or (substring(error from '^Échec ([0-9]+)/')::int < ${MAX_ATTEMPTS}
                and substring(error from '^Échec [0-9]+/[0-9]+ \\(([^)]+)\\)')::timestamptz <= ${retryBefore.toISOString()}::timestamptz))
          order by created_at, id
          limit ${batchSize}
          for update skip locked`,
      );
      const fresh = rows.filter((r) => !tried.has(String(r.id)));
      let ok = 0;
      let ko = 0;
      for (const r of fresh) {
        const id = String(r.id);
        tried.add(id);
        try {
          const headers = unsubscribeHeaders(r.user_id ? String(r.user_id) : null, r.category);
          await sender.transport.sendMail({ from: sender.from, to: r.to_address, subject: r.subject, text: r.body, ...(r.html ? { html: r.html } : {}), ...(Object.keys(headers).length ? { headers } : {}) });
          await tx.execute(sql`update email_outbox set sent_at = ${new Date().toISOString()}::timestamptz, error = null where id = ${id}::uuid`);
          // it got through: the address works again
          await tx.execute(sql`delete from failing_addresses where address = lower(${r.to_address})`);
          ok += 1;
        } catch (err) {
          if (isPermanentRefusal(err)) {
            const reason = `Refusé par le serveur de messagerie : ${(err as Error).message.replace(/\s+/g, " ").slice(0, 300)}`;
            await tx.execute(sql`update email_outbox set error = ${reason} where id = ${id}::uuid`);
            await markAddressFailing(tx, r.to_address, reason, now);
          } else {
            const attempt = (parseFailure(r.error)?.attempts ?? 0) + 1;
            await tx.execute(sql`update email_outbox set error = ${failureText(attempt, now, err)} where id = ${id}::uuid`);
          }
          ko += 1;
        }
      }
      return { claimed: rows.length, fresh: fresh.length, ok, ko };
    });
    sent += done.ok;
    failed += done.ko;
    if (done.claimed < batchSize || done.fresh === 0) return { sent, failed };
  }
}

/**
 * The SMTP sender from the environment: SMTP_URL (smtp://user:pass@host:587, smtps://… for
 * implicit TLS) and MAIL_FROM (the sender address). Null without SMTP_URL: e-mails then stay
 * in the outbox (development).
 */
export async function senderFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<MailSender | null> {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new MailConfigError("SMTP_URL est défini mais MAIL_FROM manque (adresse d'expédition des e-mails).");
  if (!/^smtps?:\/\//.test(url)) throw new MailConfigError("SMTP_URL doit commencer par smtp:// ou smtps://.");
  const nodemailer = await import("nodemailer");
  const createTransport = nodemailer.createTransport ?? (nodemailer as unknown as { default: typeof nodemailer }).default.createTransport;
  return { transport: createTransport(url), from };
}

/** Whether e-mails leave the platform (for the outbox page's wording). */
export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

/**
 * Delivers the outbox now, in the background, when SMTP is configured: for e-mails people are
 * waiting for (a forgotten password's code) rather than the follow-up job's next run.
 */
export function deliverOutboxSoon(db: Database): void {
  void (async () => {
    const sender = await senderFromEnv();
    if (sender) await deliverOutbox(db, sender);
  })().catch((err) => console.error("[e-mails] envoi immédiat impossible :", err instanceof Error ? err.message : err));
}
