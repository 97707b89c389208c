// The follow-up job, run inside the app server (started by src/instrumentation.ts): every
// FOLLOWUP_JOB_MINUTES minutes (default 60; 0 turns it off), reminders for the check-ins that
// fell due (in-app notification + e-mail in the outbox), then delivery of the outbox through
// SMTP when SMTP_URL is set.
//
// The queue is PostgreSQL itself: sendDueReminders claims check_ins rows and deliverOutbox
// claims email_outbox rows with `for update skip locked` and marks them in the same
// transaction, so several app instances (or the app and `npm run cli -- followups remind`)
// running at the same moment never remind or send anything twice.

import { getDb } from "../db";
import { instanceToday } from "../config/time-zone";
import { deliverOutbox, senderFromEnv } from "../notifications/delivery";
import { sendDueReminders } from "../followup/reminders";

const DEFAULT_MINUTES = 60;
const FIRST_RUN_DELAY_MS = 30_000; // let the server finish starting first

/** The interval in minutes, or null when the job is off (0, or under tests). */
export function jobIntervalMinutes(env: NodeJS.ProcessEnv = process.env): number | null {
  if (env.NODE_ENV === "test") return null;
  const raw = env.FOLLOWUP_JOB_MINUTES?.trim();
  if (raw === undefined || raw === "") return DEFAULT_MINUTES;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.warn(`[suivi] FOLLOWUP_JOB_MINUTES invalide (${raw}) : ${DEFAULT_MINUTES} minutes.`);
    return DEFAULT_MINUTES;
  }
  return n === 0 ? null : n;
}

/** One run: reminders for today (in the instance's time zone), then SMTP delivery when configured. */
export async function runFollowupJobOnce(log: (msg: string) => void = (m) => console.log(m)): Promise<void> {
  const db = await getDb();
  const r = await sendDueReminders(db, instanceToday());
  if (r.reminded > 0) log(`[suivi] ${r.reminded} rappel(s) de point de suivi, ${r.emails} e-mail(s) en boîte d'envoi.`);
  const sender = await senderFromEnv();
  if (!sender) return; // development: the e-mails stay in the outbox page
  const d = await deliverOutbox(db, sender);
  if (d.sent + d.failed > 0) log(`[suivi] e-mails : ${d.sent} envoyé(s), ${d.failed} en échec.`);
}

const state = globalThis as unknown as { __followupJob?: ReturnType<typeof setInterval> };

/** Starts the timer once per process (dev reloads keep the first one). */
export function startFollowupJob(env: NodeJS.ProcessEnv = process.env): void {
  const minutes = jobIntervalMinutes(env);
  if (minutes === null || state.__followupJob) return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run (SMTP down) never overlaps the next one
    running = true;
    try {
      await runFollowupJobOnce();
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
      console.error(`[suivi] la tâche de rappels a échoué : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}${cause}`);
    } finally {
      running = false;
    }
  };
  state.__followupJob = setInterval(tick, minutes * 60_000);
  state.__followupJob.unref?.();
  setTimeout(tick, Math.min(FIRST_RUN_DELAY_MS, minutes * 60_000)).unref?.();
  console.log(`[suivi] rappels et envoi des e-mails toutes les ${minutes} minute(s).`);
}
