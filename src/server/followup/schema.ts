import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { offers, type Contract } from "../offers/schema";
import { organisations } from "../organisations/schema";
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
    employerId: uuid("employer_id").references(() => organisations.id, { onDelete: "set null" }),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "set null" }),
    /** the application marked "hired" that created it (one placement per application) */
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "set null" }),
    /** the adviser following the person when they were hired */
    adviserId: uuid("adviser_id"),
    /** the person's territory when they were hired: hires and retention stay counted there if they move */
    territoryCode: text("territory_code"),
    /** the employer's name as written by hand when the company has no account here */
    employerName: text("employer_name"),
    /** who recorded it: the employer marking an application hired, or an adviser by hand */
    source: text("source").$type<"employer" | "adviser">().notNull().default("employer"),
    jobTitle: text("job_title").notNull(),
    hoursPerWeek: real("hours_per_week"),
    romeCode: text("rome_code"),
    contract: text("contract").$type<Contract>(),
    startsOn: date("starts_on").notNull(),
    status: text("status").$type<PlacementStatus>().notNull().default("active"),
    /** when the job ended, and why (a code of the instance's exitReasons) */
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("placements_application").on(t.applicationId),
    index("placements_profile").on(t.profileId),
    index("placements_adviser").on(t.adviserId),
    index("placements_starts_on").on(t.startsOn),
  ],
);

export const CHECK_IN_MONTHS = [1, 3, 6] as const;
export const CHECK_IN_OUTCOMES = ["in_post", "ended", "unreachable"] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];
/** pending until recorded; cancelled when the placement ended before it fell due */
export type CheckInStatus = "pending" | CheckInOutcome | "cancelled";

/** The +1, +3 and +6 month calls of a placement: the retention figures come from these. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    monthsAfter: integer("months_after").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<CheckInStatus>().notNull().default("pending"),
    endReason: text("end_reason"),
    note: text("note"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by"),
    /** when a reminder was sent for it (the reminder job sends one per check-in) */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("check_ins_placement_months").on(t.placementId, t.monthsAfter),
    index("check_ins_due").on(t.status, t.dueOn),
  ],
);

export const EMPLOYER_CHECK_IN_ANSWERS = ["still_there", "left", "unknown"] as const;
export type EmployerCheckInAnswer = (typeof EMPLOYER_CHECK_IN_ANSWERS)[number];

/**
 * "Is X still with you?" asked of the employer at a check-in date, by a signed one-click link
 * that works once without signing in and expires. The answer sits beside the adviser's
 * check-in (both are shown; the adviser's counts when both exist).
 */
export const employerCheckIns = pgTable(
  "employer_check_ins",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    checkInId: uuid("check_in_id")
      .notNull()
      .references(() => checkIns.id, { onDelete: "cascade" }),
    /** the recruiter asked */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** sha-256 of the link's token: the token itself is never stored */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    answer: text("answer").$type<EmployerCheckInAnswer>(),
    leftOn: date("left_on"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("employer_check_ins_token").on(t.tokenHash), uniqueIndex("employer_check_ins_check_in").on(t.checkInId, t.userId)],
);
