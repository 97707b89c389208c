import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { geographyPoint } from "../geo/point";

export const ORGANISATION_KINDS = ["company", "training_org"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A company, or a training organisation, identified by its SIRET. */
export const organisations = pgTable(
  "employers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    kind: text("kind").$type<OrganisationKind>().notNull().default("company"),
    siret: text("siret"),
    name: text("name").notNull(),
    /** street address as the company wrote it (shown to candidates it contacts) */
    addressLine: text("address_line"),
    communeInsee: text("commune_insee"),
    location: geographyPoint("location"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("employers_siret").on(t.siret)],
);

/** The recruiters of a company (or the staff of a training organisation): one organisation per account. */
export const organisationMembers = pgTable(
  "employer_members",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** the one who registered the organisation; owners add and remove recruiters */
    isOwner: boolean("is_owner").notNull().default(false),
    addedBy: uuid("added_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("employer_members_employer").on(t.employerId)],
);
