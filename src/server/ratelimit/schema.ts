import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per counted action (a sign-up, a failed activation, a contact request…), kept at
 * most a day: the rate limits count them over a sliding window. In PostgreSQL, so the limits
 * hold across the app's processes and restarts.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** which limit (see RATE_LIMITS) */
    bucket: text("bucket").notNull(),
    /** who: an address for anonymous actions, a user id otherwise */
    key: text("key").notNull(),
    /**
     * for quotas over distinct things (candidate cards): a keyed digest of the thing counted,
     * so that seeing it again within the window costs nothing (see consumeQuota)
     */
    item: text("item"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_bucket_key_at").on(t.bucket, t.key, t.at)],
);
