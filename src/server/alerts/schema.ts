import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";

/**
 * Every offer or formation that was in someone's alert: never the same one twice, and the
 * click on its link (the token in the link) is counted here.
 */
export const alertItems = pgTable(
  "alert_items",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"offer" | "formation">().notNull(),
    entityId: uuid("entity_id").notNull(),
    /** the random token of this item's link (/alerte/<token>) */
    token: text("token").notNull().unique(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    clickedAt: timestamp("clicked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.entityId] }), index("alert_items_sent").on(t.sentAt)],
);

/** When each person's last alert was prepared: the next one covers what was published since. */
export const alertRuns = pgTable("alert_runs", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
});
