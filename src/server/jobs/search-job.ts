// The search job, run inside the app server (started by src/instrumentation.ts): every
// SEARCH_JOB_SECONDS seconds (default 10; 0 turns it off) it drains search_queue into the search
// engine (src/server/search/queue.ts). With Meilisearch (MEILI_HOST) that is how the index
// follows the writes; with PostgreSQL alone the documents are already current and the rows are
// simply cleared. Several app instances may run it: rows are claimed with `skip locked`.

import { getDb } from "../db";
import { searchEngine } from "../search/engine";
import { drainSearchQueue } from "../search/queue";

const DEFAULT_SECONDS = 10;
const FIRST_RUN_DELAY_MS = 15_000; // let the server finish starting first

/** The interval in seconds, or null when the job is off (0, or under tests). */
export function searchJobIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number | null {
  if (env.NODE_ENV === "test") return null;
  const raw = env.SEARCH_JOB_SECONDS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_SECONDS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.warn(`[recherche] SEARCH_JOB_SECONDS invalide (${raw}) : ${DEFAULT_SECONDS} secondes.`);
    return DEFAULT_SECONDS;
  }
  return n === 0 ? null : n;
}

/** One run: the due queue rows into the engine. */
export async function runSearchJobOnce(log: (msg: string) => void = (m) => console.log(m)): Promise<void> {
  const db = await getDb();
  const engine = await searchEngine(db);
  const r = await drainSearchQueue(db, engine);
  if (r.failed > 0) log(`[recherche] index ${engine.name} : ${r.synced} document(s) à jour, ${r.failed} en échec (nouvel essai plus tard).`);
}

const state = globalThis as unknown as { __searchJob?: ReturnType<typeof setInterval> };

/** Starts the timer once per process (dev reloads keep the first one). */
export function startSearchJob(env: NodeJS.ProcessEnv = process.env): void {
  const seconds = searchJobIntervalSeconds(env);
  if (seconds === null || state.__searchJob) return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run (Meilisearch down) never overlaps the next one
    running = true;
    try {
      await runSearchJobOnce();
    } catch (err) {
      console.error(`[recherche] la mise à jour de l'index a échoué : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    } finally {
      running = false;
    }
  };
  state.__searchJob = setInterval(tick, seconds * 1000);
  state.__searchJob.unref?.();
  setTimeout(tick, Math.min(FIRST_RUN_DELAY_MS, seconds * 1000)).unref?.();
  console.log(`[recherche] file d'indexation traitée toutes les ${seconds} seconde(s).`);
}
