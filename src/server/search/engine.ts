// Which engine answers: Meilisearch when MEILI_HOST is set, else PostgreSQL full text (always
// current: the triggers keep search_documents in the write's own transaction).

import type { Database } from "../db/client";
import { createPostgresEngine } from "./postgres";
import type { SearchEngine } from "./types";

/**
 * Searches answered by `primary`, or by `fallback` when it fails (Meilisearch down or
 * unreachable): people get results from PostgreSQL, which the triggers keep current, rather
 * than an error page. Writes (sync, reindex) never fall back: they must fail to be retried.
 */
export function withFallback(primary: SearchEngine, fallback: SearchEngine, log: (message: string) => void = console.error): SearchEngine {
  const guarded =
    <A extends unknown[], R>(method: (engine: SearchEngine) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(primary).apply(primary, args);
      } catch (err) {
        log(`[recherche] ${primary.name} indisponible, réponse de ${fallback.name} : ${(err as Error).message}`);
        return method(fallback).apply(fallback, args);
      }
    };
  return {
    name: primary.name,
    searchOffers: guarded((e) => e.searchOffers),
    searchFormations: guarded((e) => e.searchFormations),
    searchProfiles: guarded((e) => e.searchProfiles),
    sync: (kind, ids) => primary.sync(kind, ids),
    reindex: (kind) => primary.reindex(kind),
  };
}

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
  const engine = import("./meili").then(({ createMeiliEngine }) => withFallback(createMeiliEngine(db, meili), createPostgresEngine(db)));
  cached = { db, host: meili.host, engine };
  // a failure is not remembered: the next search tries again
  engine.catch(() => {
    if (cached?.engine === engine) cached = null;
  });
  return engine;
}
