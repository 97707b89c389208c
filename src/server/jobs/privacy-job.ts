// The privacy job, run inside the app server (started by src/instrumentation.ts): every
// PRIVACY_JOB_HOURS hours (default 24; 0 turns it off) the retention schedule of
// src/server/privacy/retention.ts — warn, then erase, inactive profiles; drop outbox e-mails
// older than 30 days. Same as `npm run cli -- privacy purge`. Several app instances may run
// it: each profile is locked and re-decided in its own transaction, so nobody is warned twice.

import { getDb } from "../db";
import { runRetention } from "../privacy/retention";

const DEFAULT_HOURS = 24;
const FIRST_RUN_DELAY_MS = 60_000; // let the server finish starting first

/** The interval in hours, or null when the job is off (0, or under tests). */
export function privacyJobIntervalHours(env: NodeJS.ProcessEnv = process.env): number | null {
  if (env.NODE_ENV === "test") return null;
  const raw = env.PRIVACY_JOB_HOURS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_HOURS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.warn(`[données] PRIVACY_JOB_HOURS invalide (${raw}) : ${DEFAULT_HOURS} heures.`);
    return DEFAULT_HOURS;
  }
  return n === 0 ? null : n;
}

/** One run of the retention schedule for today (in the instance's time zone). */
export async function runPrivacyJobOnce(log: (msg: string) => void = (m) => console.log(m)): Promise<void> {
  const r = await runRetention(await getDb());
  if (r.warned + r.erased + r.outboxDeleted > 0) {
    log(`[données] ${r.warned} personne(s) prévenue(s), ${r.erased} effacée(s) pour inactivité, ${r.outboxDeleted} e-mail(s) ancien(s) retiré(s).`);
  }
}

const state = globalThis as unknown as { __privacyJob?: ReturnType<typeof setInterval> };

/** Starts the timer once per process (dev reloads keep the first one). */
export function startPrivacyJob(env: NodeJS.ProcessEnv = process.env): void {
  const hours = privacyJobIntervalHours(env);
  if (hours === null || state.__privacyJob) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runPrivacyJobOnce();
    } catch (err) {
      console.error(`[données] la tâche de conservation a échoué : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    } finally {
      running = false;
    }
  };
  // setInterval's delay must fit in 32 bits (24.8 days)
  const ms = Math.min(hours * 3_600_000, 2_147_483_647);
  state.__privacyJob = setInterval(tick, ms);
  state.__privacyJob.unref?.();
  setTimeout(tick, Math.min(FIRST_RUN_DELAY_MS, ms)).unref?.();
  console.log(`[données] durée de conservation appliquée toutes les ${hours} heure(s).`);
}
