import { sql } from "drizzle-orm";
import type { Database } from "../db/client";

/** Erasure (privacy/erase.ts): deletes the person's offer views (offer_views has no foreign key to the profile). */
export async function eraseOfferViewsOf(tx: Database, profileId: string): Promise<void> {
  await tx.execute(sql`delete from offer_views where profile_id = ${profileId}::uuid`);
}
