import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseHandle } from "./client";

// One database per process: PGlite in particular must be opened once (it takes seconds and
// holds its data directory). Kept on globalThis so Next's dev reloads reuse it.
const globalForDb = globalThis as unknown as { __emploiDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__emploiDb) {
    // A failure is not kept: the next request tries again (the server may come back).
    globalForDb.__emploiDb = Promise.resolve()
      .then(() => openDatabase(databaseConfigFromEnv()))
      .catch((err) => {
        globalForDb.__emploiDb = undefined;
        throw err;
      });
  }
  return globalForDb.__emploiDb;
}

let lastFailureLog = 0;

/**
 * The database, or null when it cannot be opened (a wrong DATABASE_URL, the server down): for
 * the pages' layout and the API, which then answer "service unavailable" in French instead of
 * failing. The cause goes to the server's log, at most once a minute.
 */
export async function databaseIfAvailable(): Promise<Database | null> {
  try {
    return (await getDatabase()).db;
  } catch (err) {
    if (Date.now() - lastFailureLog > 60_000) {
      lastFailureLog = Date.now();
      console.error("[db] base de données indisponible :", err instanceof Error ? err.message : err);
    }
    return null;
  }
}

export async function getDb() {
  return (await getDatabase()).db;
}
