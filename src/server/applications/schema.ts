import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { beneficiaryProfiles } from "../profiles/schema";
import { offers } from "../offers/schema";
import { formations } from "../formations/schema";

export const APPLICATION_STATUSES = ["sent", "seen", "interview", "hired", "declined", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A person applies to an offer or a formation (one tap, optional message). */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "cascade" }),
    formationId: uuid("formation_id").references(() => formations.id, { onDelete: "cascade" }),
    message: text("message"),
    status: text("status").$type<ApplicationStatus>().notNull().default("sent"),
    /** why it was declined, in kind words the candidate reads */
    statusReason: text("status_reason"),
    /** when the organisation first answered (interview, hired or declined): its answer rate and delay */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_profile_offer").on(t.profileId, t.offerId),
    uniqueIndex("applications_profile_formation").on(t.profileId, t.formationId),
    index("applications_offer").on(t.offerId),
    index("applications_formation").on(t.formationId),
  ],
);

export const PROPOSAL_STATUSES = ["pending", "accepted", "declined"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * An employer's contact request or an adviser's suggestion of an offer to a person. Until the
 * person accepts, the employer sees the candidate only under a pseudonym.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    fromKind: text("from_kind").$type<"employer" | "adviser">().notNull(),
    fromUserId: uuid("from_user_id").notNull(),
    message: text("message"),
    status: text("status").$type<ProposalStatus>().notNull().default("pending"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("proposals_profile_offer_kind").on(t.profileId, t.offerId, t.fromKind),
    index("proposals_offer").on(t.offerId),
  ],
);
