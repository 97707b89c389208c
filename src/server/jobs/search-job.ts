// The search job (scheduled by src/server/jobs/boss.ts every SEARCH_JOB_SECONDS): drains
// search_queue into the search engine (src/server/search/queue.ts). With Meilisearch (MEILI_HOST)
// that is how the index follows the writes; with PostgreSQL alone the documents are already
// current and the rows are simply cleared. Rows are claimed with `skip locked`.

import { getDb } from "../db";
import { searchEngine } from "../search/engine";
import { drainSearchQueue } from "../search/queue";

/** One run: the due queue rows into the engine. */
export async function runSearchJobOnce(log: (msg: string) => void = (m) => console.log(m)): Promise<void> {
  const db = await getDb();
  const engine = await searchEngine(db);
  const r = await drainSearchQueue(db, engine);
  if (r.failed > 0) log(`[recherche] index ${engine.name} : ${r.synced} document(s) à jour, ${r.failed} en échec (nouvel essai plus tard).`);
}
