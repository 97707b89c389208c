import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A sign-up waiting for its e-mail confirmation code: the account is created only when the
 * code comes back, so an address is never shown to be taken. Kept at most SIGN_UP_CODE_MINUTES.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    /** sha-256 of the code sent by e-mail */
    codeHash: text("code_hash").notNull(),
    /** the checked sign-up form, the password replaced by its scrypt hash */
    payload: jsonb("payload").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sign_up_requests_email").on(t.email)],
);
