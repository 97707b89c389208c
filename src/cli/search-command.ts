// `search reindex [offers|formations|profiles|all]`, `search status [--json]` and
// `search drain`: the search index from the command line.
import type { Database } from "../server/db/client";
import { meiliConfigFromEnv, searchEngine } from "../server/search/engine";
import { drainSearchQueue, searchQueueStatus } from "../server/search/queue";
import { isReindexTarget, reindexSearch, type ReindexTarget } from "../server/search/reindex";
import { UsageError } from "./args";

export const SEARCH_ACTIONS = ["reindex", "status", "drain"] as const;
export type SearchAction = (typeof SEARCH_ACTIONS)[number];

/** Checks the action and the reindex target before the database is opened. */
export function checkSearchArgs(action: string | undefined, target: string | undefined): { action: SearchAction; target: ReindexTarget } {
  if (!action || !(SEARCH_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`search attend reindex, status ou drain${action ? ` (reçu : ${action})` : ""}`);
  }
  if (action !== "reindex") {
    if (target !== undefined) throw new UsageError(`search ${action} ne prend pas d'argument (reçu : ${target})`);
    return { action: action as SearchAction, target: "all" };
  }
  const t = target ?? "all";
  if (!isReindexTarget(t)) throw new UsageError(`search reindex attend offers, formations, profiles ou all (reçu : ${t})`);
  return { action: "reindex", target: t };
}

function engineLabel(env: NodeJS.ProcessEnv): string {
  const meili = meiliConfigFromEnv(env);
  return meili ? `Meilisearch (${meili.host})` : "PostgreSQL (recherche plein texte)";
}

export async function searchCommand(
  db: Database,
  args: { action: SearchAction; target: ReindexTarget },
  options: Record<string, string | true>,
  out: (s: string) => void,
  log: (s: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (args.action === "status") {
    const status = await searchQueueStatus(db);
    if (options.json) {
      out(`${JSON.stringify({ engine: meiliConfigFromEnv(env) ? "meilisearch" : "postgres", queue: status }, null, 2)}\n`);
      return;
    }
    out(`Moteur : ${engineLabel(env)}\n`);
    out(`File d'indexation : ${status.total} en attente (${status.pending} nouveau(x), ${status.retrying} en nouvel essai, ${status.stuck} bloqué(s))\n`);
    for (const [kind, n] of Object.entries(status.byKind)) out(`  ${kind} : ${n}\n`);
    if (status.oldestEnqueuedAt) out(`Plus ancien : ${status.oldestEnqueuedAt}\n`);
    for (const e of status.lastErrors) out(`  échec ${e.attempts}× ${e.kind} ${e.entityId} : ${e.error}\n`);
    return;
  }
  const engine = await searchEngine(db, env);
  log(`Moteur : ${engineLabel(env)}`);
  if (args.action === "drain") {
    const r = await drainSearchQueue(db, engine);
    log(`File d'indexation : ${r.synced} document(s) à jour, ${r.failed} en échec.`);
    if (r.failed > 0) throw new UsageError("Des documents n'ont pas pu être indexés : `npm run cli -- search status` pour les erreurs.");
    return;
  }
  const t0 = Date.now();
  const report = await reindexSearch(engine, args.target, log);
  log(`Réindexation terminée : ${report.reduce((n, r) => n + r.documents, 0)} document(s) en ${Date.now() - t0} ms.`);
}
