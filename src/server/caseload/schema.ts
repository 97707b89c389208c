import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { beneficiaryProfiles } from "../profiles/schema";

/** An adviser's note on a person: private to advisers and admins, never shown to employers or the person's matches. */
export const adviserNotes = pgTable(
  "adviser_notes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("adviser_notes_profile").on(t.profileId, t.createdAt)],
);
