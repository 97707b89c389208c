import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** what happened, once ("application-declined:<id>"): the same event never notifies twice */
    eventKey: text("event_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_about").on(t.aboutProfileId),
    uniqueIndex("notifications_user_event").on(t.userId, t.eventKey),
  ],
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
    /** the account it is sent to, when it is one (unsubscribe links and failing addresses need it) */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** the notification category (categories.ts); null for account e-mails (codes), which cannot be turned off */
    category: text("category"),
    /** the HTML version (the plain text `body` is always sent beside it) */
    html: text("html"),
    /** what happened, once: the same event never sends the same person two e-mails */
    eventKey: text("event_key"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_created").on(t.createdAt),
    index("email_outbox_about").on(t.aboutProfileId),
    uniqueIndex("email_outbox_user_event").on(t.userId, t.eventKey),
  ],
);

export const MESSAGE_CHANNELS = ["sms", "push"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Text messages and web-push notifications waiting to leave (the e-mail outbox's sibling).
 * `notBefore` holds them through quiet hours; one row per event and channel.
 */
export const messageOutbox = pgTable(
  "message_outbox",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").$type<MessageChannel>().notNull(),
    category: text("category").notNull(),
    eventKey: text("event_key").notNull(),
    /** the E.164 number for an SMS; null for push (every subscription of the user) */
    toAddress: text("to_address"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    aboutProfileId: uuid("about_profile_id"),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** no more attempts: sent, or failed for good (error says why) */
    doneAt: timestamp("done_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_outbox_event").on(t.userId, t.channel, t.eventKey),
    index("message_outbox_due").on(t.doneAt, t.notBefore),
    index("message_outbox_about").on(t.aboutProfileId),
  ],
);

/** A person's choice for one category (categories.ts): no row means the persona's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    /** e-mail, sms, push: where it goes besides the app */
    channels: text("channels").array().notNull(),
    /** immediately, daily, weekly or never (grouped e-mails for daily and weekly) */
    frequency: text("frequency").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

/** A browser or phone that accepted web-push (the Push API subscription). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint").on(t.endpoint), index("push_subscriptions_user").on(t.userId)],
);

/** What waits for a daily or weekly e-mail digest (one e-mail per person and category). */
export const digestItems = pgTable(
  "digest_items",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    eventKey: text("event_key").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    aboutProfileId: uuid("about_profile_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** when the digest holding it was queued */
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("digest_items_event").on(t.userId, t.eventKey), index("digest_items_pending").on(t.sentAt, t.userId)],
);

/** E-mail addresses the relay refused for good (5xx): advisers see them; nothing more is sent. */
export const failingAddresses = pgTable("failing_addresses", {
  /** lower-cased */
  address: text("address").primaryKey(),
  error: text("error").notNull(),
  failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
});
