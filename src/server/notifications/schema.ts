import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";

/** In-app notifications (e.g. a check-in falls due). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    /** the person this notification is about (erased with them), when it is about one */
    aboutProfileId: uuid("about_profile_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user").on(t.userId, t.createdAt), index("notifications_about").on(t.aboutProfileId)],
);

/** Every e-mail the platform sends; in development (no SMTP) they stay here and an outbox page shows them. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** holds a secret (a forgotten password's code): never shown on the outbox page */
    confidential: boolean("confidential").notNull().default(false),
    /** the person this e-mail is about (erased with them), when it is about one */
    aboutProfileId: uuid("about_profile_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_created").on(t.createdAt), index("email_outbox_about").on(t.aboutProfileId)],
);
