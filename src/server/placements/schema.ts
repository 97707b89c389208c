import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { beneficiaryProfiles } from "../profiles/schema";
import { employers, offers, type Contract } from "../offers/schema";
import { applications } from "../applications/schema";

export const PLACEMENT_STATUSES = ["active", "ended"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/**
 * A person hired through the platform. The person's adviser follows it through six months
 * of job retention (check-ins belong to the follow-up module).
 */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    employerId: uuid("employer_id").references(() => employers.id, { onDelete: "set null" }),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "set null" }),
    /** the application marked "hired" that created it (one placement per application) */
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "set null" }),
    /** the adviser following the person when they were hired */
    adviserId: uuid("adviser_id"),
    jobTitle: text("job_title").notNull(),
    romeCode: text("rome_code"),
    contract: text("contract").$type<Contract>(),
    startsOn: date("starts_on").notNull(),
    status: text("status").$type<PlacementStatus>().notNull().default("active"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("placements_application").on(t.applicationId),
    index("placements_profile").on(t.profileId),
    index("placements_adviser").on(t.adviserId),
  ],
);
