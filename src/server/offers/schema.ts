import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { organisations } from "../organisations/schema";
import { geographyPoint } from "../geo/point";
import { projectedPoint } from "../geo/projected";
import type { Contract, OfferStatus } from "./labels";

// The value lists live in the client-safe labels.ts; re-exported for the modules that read them here.
export { CONTRACTS, OFFER_STATUSES, type Contract, type OfferStatus } from "./labels";

export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    externalId: text("external_id"),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    romeCode: text("rome_code").notNull(),
    ogrCode: integer("ogr_code").notNull().default(0),
    requiredSkills: integer("required_skills").array().notNull().default(sql`'{}'::int[]`),
    wishedSkills: integer("wished_skills").array().notNull().default(sql`'{}'::int[]`),
    description: text("description"),
    communeInsee: text("commune_insee").notNull(),
    location: geographyPoint("location").notNull(),
    locationProj: projectedPoint("location_proj").notNull(),
    radiusKm: real("radius_km").notNull(),
    contract: text("contract").$type<Contract>().notNull(),
    hoursPerWeek: real("hours_per_week"),
    shifts: integer("shifts").notNull().default(1),
    licenceRequired: boolean("licence_required").notNull().default(false),
    vehicleRequired: boolean("vehicle_required").notNull().default(false),
    positions: integer("positions").notNull().default(1),
    startsOn: date("starts_on").notNull(),
    expiresOn: date("expires_on"),
    status: text("status").$type<OfferStatus>().notNull().default("published"),
    /** street address of the workplace, when it is not just the commune */
    addressLine: text("address_line"),
    /** bumped by every save: a save made from an older version is refused (two recruiters editing at once) */
    version: integer("version").notNull().default(1),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** when it was marked filled (the dashboards count filled offers by month) */
    filledAt: timestamp("filled_at", { withTimezone: true }),
    /** who saved it last (named in the conflict message when two people edit at once) */
    updatedBy: uuid("updated_by"),
    createdBy: uuid("created_by"),
    /** hash of the imported line that last wrote this row: a re-import of the same line writes nothing */
    importHash: text("import_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("offers_external_id").on(t.externalId),
    index("offers_employer").on(t.employerId),
    index("offers_location_gist").using("gist", t.location),
    // Offers a person can be shown: published ones, by planar point.
    index("offers_published_point").using("gist", t.locationProj).where(sql`${t.status} = 'published'`),
  ],
);

/** Which people opened an offer (once each): the offer's "views" statistic. */
export const offerViews = pgTable(
  "offer_views",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    /** the viewing person's profile; erased with it */
    profileId: uuid("profile_id").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.profileId] })],
);
