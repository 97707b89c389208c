import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inText } from "../db/person-traces";

/**
 * Erasure (privacy/erase.ts): deletes the rate-limit rows counted under one of `keys` (ids,
 * e-mails; compared in lower case), then those counting `item` (an organisation's candidate
 * quota counts a person under a keyed digest of their profile id).
 */
export async function eraseRateLimitHitsOf(tx: Database, keys: string[], item: string | null): Promise<void> {
  if (keys.length) await tx.execute(sql`delete from rate_limit_hits where ${inText(sql`lower(key)`, keys.map((k) => k.toLowerCase()))}`);
  if (item) await tx.execute(sql`delete from rate_limit_hits where item = ${item}`);
}
