import { sql } from "drizzle-orm";
import { boolean, integer, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ROLES = ["beneficiary", "employer", "training_org", "adviser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** lower-cased; null for a beneficiary created by an adviser until they activate */
    email: text("email"),
    passwordHash: text("password_hash"),
    role: text("role").$type<Role>().notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    /** active | pending (created by an adviser, waiting for the access code) | disabled */
    status: text("status").$type<"active" | "pending" | "disabled">().notNull().default("active"),
    /** adviser's or admin's territory (null for the whole instance) */
    territoryCode: text("territory_code"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role").on(t.role)],
);

/** One-time codes an adviser gives (by letter) to a person so they can activate their account. */
export const accessCodes = pgTable(
  "access_codes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** sha-256 of the normalised code: the code itself is never stored */
    codeHash: text("code_hash").notNull(),
    /** activation: a letter's code or a forgotten password's (used on /activer); sign_in: a one-time sign-in code by e-mail */
    purpose: text("purpose").$type<"activation" | "sign_in">().notNull().default("activation"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("access_codes_hash").on(t.codeHash)],
);

/** Sign-in attempts, kept a day, for rate limiting per account and per address. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_ip_at").on(t.ip, t.at)],
);

/**
 * One row per signed-in browser. The session cookie (a signed JWT) carries the row's id, and
 * every request checks the row: signing out revokes it, a new password or "se déconnecter
 * partout" revokes all of the account's rows. Staff sessions also end 8 hours after sign-in
 * and after an hour without a request (lastSeenAt, written at most once a minute).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user").on(t.userId)],
);
