import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { searchEngine } from "./engine";

/**
 * Erasure (privacy/erase.ts), after the transaction: the profile's search document left
 * PostgreSQL with the row (trigger); the trigger also queued its id so that Meilisearch drops
 * it. Do it now rather than at the search job's next run, and clear the queue row, so the id
 * stays nowhere. If Meilisearch is down, the row stays queued and the search job retries (the
 * id then lives only there until the index has dropped it).
 */
export async function dropErasedProfile(db: Database, profileId: string): Promise<void> {
  try {
    const engine = await searchEngine(db);
    await engine.sync("profiles", [profileId]);
    await db.execute(sql`delete from search_queue where kind = 'profiles' and entity_id = ${profileId}::uuid`);
  } catch (err) {
    console.error(`[données] l'index de recherche garde la personne effacée jusqu'au prochain essai : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
}
