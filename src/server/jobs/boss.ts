// Background work, on pg-boss (a job queue kept in PostgreSQL — the embedded database too,
// through its PGlite adapter): durable schedules that survive restarts, one run at a time across
// every app process (stately queues), retries with backoff when a run fails.
//
//   send-due      every SEND_DUE_MINUTES (default 10): reminders, check-in links, digests, alerts,
//                 then delivery (jobs/send-due.ts; the CLI's `notifications send-due` is the same run)
//   deliver       every minute, and 2 s after something was queued for people: e-mail, SMS, push
//   search-index  every SEARCH_JOB_SECONDS (default 10): the search queue into the engine
//   privacy       every PRIVACY_JOB_HOURS (default 24, at 03:00): the retention schedule
//
// A variable set to 0 turns its job off; JOBS=off turns them all off (a process that only serves
// pages while another one runs the jobs). Tests never start them.

import { PgBoss, fromPglite, type PGliteLike } from "pg-boss";
import { getDatabase } from "../db";
import { instanceTimeZone } from "../config/time-zone";
import { onMessagesQueued } from "../notifications/wake";
import { runDeliveryOnce, runSendDueOnce } from "./send-due";
import { runSearchJobOnce } from "./search-job";
import { runPrivacyJobOnce } from "./privacy-job";

export const QUEUES = { sendDue: "send-due", deliver: "deliver", searchIndex: "search-index", privacy: "privacy" } as const;

type Env = NodeJS.ProcessEnv;

function readNumber(env: Env, name: string, fallback: number, unit: string): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.warn(`[tâches] ${name} invalide (${raw}) : ${fallback} ${unit}.`);
    return fallback;
  }
  return n;
}

/** The cron lines and the search interval the environment asks for (null: off). */
export function jobPlan(env: Env = process.env): { sendDue: string | null; privacy: string | null; searchSeconds: number | null } | null {
  if (env.NODE_ENV === "test" || env.JOBS?.trim() === "off") return null;
  // FOLLOWUP_JOB_MINUTES: the name before the notifications (still read)
  const minutes = readNumber(env, env.SEND_DUE_MINUTES !== undefined ? "SEND_DUE_MINUTES" : "FOLLOWUP_JOB_MINUTES", 10, "minutes");
  const hours = readNumber(env, "PRIVACY_JOB_HOURS", 24, "heures");
  const seconds = readNumber(env, "SEARCH_JOB_SECONDS", 10, "secondes");
  return {
    sendDue: minutes === 0 ? null : cronEvery(Math.max(1, Math.round(minutes)), 0),
    privacy: hours === 0 ? null : hours >= 24 ? "0 3 * * *" : cronEvery(Math.max(1, Math.round(hours)) * 60, 30),
    searchSeconds: seconds === 0 ? null : Math.max(1, seconds),
  };
}

/** A cron line for "every n minutes" (n ≥ 60: every n/60 hours at `minute`). */
export function cronEvery(n: number, minute: number): string {
  if (n < 60) return n === 1 ? "* * * * *" : `*/${n} * * * *`;
  const h = Math.max(1, Math.round(n / 60));
  return h >= 24 ? `${minute} 3 * * *` : `${minute} */${h} * * *`;
}

const state = globalThis as unknown as { __boss?: Promise<PgBoss | null> };

function log(prefix: string, err: unknown): void {
  console.error(`[tâches] ${prefix} : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
}

/** Starts pg-boss and its workers once per process (dev reloads reuse it); null when jobs are off. */
export function startJobs(env: Env = process.env): Promise<PgBoss | null> {
  state.__boss ??= start(env).catch((err) => {
    log("démarrage impossible", err);
    state.__boss = undefined;
    return null;
  });
  return state.__boss;
}

async function start(env: Env): Promise<PgBoss | null> {
  const plan = jobPlan(env);
  if (!plan) return null;
  const handle = await getDatabase();
  const boss =
    handle.engine === "pglite"
      ? new PgBoss({ db: fromPglite((handle as unknown as { pglite: PGliteLike }).pglite), backend: "pglite" })
      : new PgBoss({ connectionString: env.DATABASE_URL!.trim(), max: 3 });
  boss.on("error", (err) => log("erreur", err));
  await boss.start();
  const tz = instanceTimeZone();
  const retries = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 };
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { policy: "stately", ...retries });

  const every = { pollingIntervalSeconds: 2 };
  await boss.work(QUEUES.deliver, every, async () => runDeliveryOnce());
  await boss.schedule(QUEUES.deliver, "* * * * *", null, { tz });
  onMessagesQueued(() => {
    void boss.send(QUEUES.deliver, null, { startAfter: 2, singletonKey: "soon", singletonSeconds: 2 }).catch((err) => log("envoi différé", err));
  });
  if (plan.sendDue) {
    await boss.work(QUEUES.sendDue, every, async () => runSendDueOnce());
    await boss.schedule(QUEUES.sendDue, plan.sendDue, null, { tz });
  } else await boss.unschedule(QUEUES.sendDue);
  if (plan.privacy) {
    await boss.work(QUEUES.privacy, every, async () => runPrivacyJobOnce());
    await boss.schedule(QUEUES.privacy, plan.privacy, null, { tz });
  } else await boss.unschedule(QUEUES.privacy);
  if (plan.searchSeconds) {
    const seconds = plan.searchSeconds;
    // each run queues the next one; the cron line restarts the chain if a process stopped in between
    await boss.work(QUEUES.searchIndex, { pollingIntervalSeconds: Math.min(seconds, 5) }, async () => {
      try {
        await runSearchJobOnce();
      } finally {
        await boss.send(QUEUES.searchIndex, null, { startAfter: seconds, singletonKey: "next", singletonSeconds: seconds });
      }
    });
    await boss.schedule(QUEUES.searchIndex, "* * * * *", null, { tz });
    await boss.send(QUEUES.searchIndex, null, { startAfter: 15, singletonKey: "next", singletonSeconds: seconds });
  } else await boss.unschedule(QUEUES.searchIndex);
  console.log(
    `[tâches] pg-boss prêt (${handle.engine}) : envois toutes les minutes, rappels et alertes ${plan.sendDue ?? "coupés"}, index de recherche ${plan.searchSeconds ? `toutes les ${plan.searchSeconds} s` : "coupé"}, conservation des données ${plan.privacy ?? "coupée"}.`,
  );
  return boss;
}
