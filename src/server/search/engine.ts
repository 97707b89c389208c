// Which engine answers: Meilisearch when MEILI_HOST is set, else PostgreSQL full text (always
// current: the triggers keep search_documents in the write's own transaction).

import type { Database } from "../db/client";
import { createPostgresEngine } from "./postgres";
import type { SearchEngine } from "./types";

let cached: { db: Database; host: string; engine: Promise<SearchEngine> } | null = null;

export function meiliConfigFromEnv(env: Record<string, string | undefined> = process.env) {
  const host = env.MEILI_HOST?.trim();
  if (!host) return null;
  return {
    host,
    apiKey: env.MEILI_API_KEY?.trim() || undefined,
    prefix: env.MEILI_INDEX_PREFIX?.trim() || undefined,
  };
}

/** The engine for this process (one per database handle and MEILI_HOST). */
export function searchEngine(db: Database, env: Record<string, string | undefined> = process.env): Promise<SearchEngine> {
  const meili = meiliConfigFromEnv(env);
  if (!meili) return Promise.resolve(createPostgresEngine(db));
  if (cached && cached.db === db && cached.host === meili.host) return cached.engine;
  // loaded lazily: the PostgreSQL-only install never loads the Meilisearch client
  const engine = import("./meili").then(({ createMeiliEngine }) => createMeiliEngine(db, meili));
  cached = { db, host: meili.host, engine };
  // a failure is not remembered: the next search tries again
  engine.catch(() => {
    if (cached?.engine === engine) cached = null;
  });
  return engine;
}
