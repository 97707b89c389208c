import { databaseConfigFromEnv, openDatabase, type DatabaseHandle } from "./client";

// One database per process: PGlite in particular must be opened once (it takes seconds and
// holds its data directory). Kept on globalThis so Next's dev reloads reuse it.
const globalForDb = globalThis as unknown as { __emploiDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__emploiDb) {
    globalForDb.__emploiDb = openDatabase(databaseConfigFromEnv()).catch((err) => {
      globalForDb.__emploiDb = undefined;
      throw err;
    });
  }
  return globalForDb.__emploiDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}
