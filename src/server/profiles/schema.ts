import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { geographyPoint } from "../geo/point";
import { projectedPoint } from "../geo/projected";
import type { DrivingLicence } from "./labels";

// The value lists live in the client-safe labels.ts; re-exported for the modules that read them here.
export { DRIVING_LICENCES, TRAVEL_MODES, type DrivingLicence, type TravelMode } from "./labels";

/**
 * A job seeker's profile (CV). It may exist before any account (imported caseload); the
 * matcher reads only its derived columns (ROME codes, domains, skills, points).
 */
export const beneficiaryProfiles = pgTable(
  "beneficiary_profiles",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id"),
    /** the département's own identifier, used by imports to update rather than duplicate */
    externalId: text("external_id"),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    communeInsee: text("commune_insee").notNull(),
    /** commune centre, or the precise point the person agreed to give */
    location: geographyPoint("location").notNull(),
    locationProj: projectedPoint("location_proj").notNull(),
    preciseLocation: boolean("precise_location").notNull().default(false),
    travelModes: text("travel_modes").array().notNull().default(sql`'{}'::text[]`),
    maxDistanceKm: real("max_distance_km").notNull(),
    drivingLicence: text("driving_licence").$type<DrivingLicence>().notNull().default("none"),
    hasVehicle: boolean("has_vehicle").notNull().default(false),
    availableFrom: date("available_from"),
    /** bit mask of accepted shifts (day 1, night 2, weekend 4) */
    shifts: integer("shifts").notNull().default(1),
    fullTime: boolean("full_time"),
    seeking: boolean("seeking").notNull().default(true),
    visibleToEmployers: boolean("visible_to_employers").notNull().default(false),
    visibilityConsentAt: timestamp("visibility_consent_at", { withTimezone: true }),
    /** active | archived (left the programme; kept for follow-up statistics) */
    status: text("status").$type<"active" | "archived">().notNull().default("active"),
    territoryCode: text("territory_code"),
    adviserId: uuid("adviser_id"),
    /** ROME skill codes the person has */
    skillCodes: integer("skill_codes").array().notNull().default(sql`'{}'::int[]`),
    // Derived from profile_jobs and profile_formations, rewritten by saveProfile, read by the matcher.
    romeCodes: text("rome_codes").array().notNull().default(sql`'{}'::text[]`),
    domainCodes: text("domain_codes").array().notNull().default(sql`'{}'::text[]`),
    largeDomains: text("large_domains").array().notNull().default(sql`'{}'::text[]`),
    formationRomeCodes: text("formation_rome_codes").array().notNull().default(sql`'{}'::text[]`),
    about: text("about"),
    /** wizard steps the person has saved at least once (see profiles/completeness.ts) */
    stepsDone: text("steps_done").array().notNull().default(sql`'{}'::text[]`),
    /** hash of the imported line that last wrote this row: a re-import of the same line writes nothing */
    importHash: text("import_hash"),
    /** when the person was warned that their inactive profile would be erased (privacy/retention.ts) */
    retentionWarnedAt: timestamp("retention_warned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("beneficiary_profiles_external_id").on(t.externalId),
    uniqueIndex("beneficiary_profiles_user_id").on(t.userId),
    index("beneficiary_profiles_location_gist").using("gist", t.location),
    index("beneficiary_profiles_territory").on(t.territoryCode),
    index("beneficiary_profiles_adviser").on(t.adviserId),
  ],
);

/** Jobs sought and jobs done, as ROME job titles (or a whole job sheet when only the code is known). */
export const profileJobs = pgTable(
  "profile_jobs",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"sought" | "done">().notNull(),
    romeCode: text("rome_code").notNull(),
    /** job title (appellation) code; 0 when only the job sheet is known */
    ogrCode: integer("ogr_code").notNull().default(0),
    label: text("label").notNull(),
    years: real("years"),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.kind, t.romeCode, t.ogrCode] })],
);

/** Formations and diplomas the person followed; those leading to a job give a matching bonus. */
export const profileFormations = pgTable(
  "profile_formations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    /** set when it is one of the platform's formations */
    formationId: uuid("formation_id"),
    title: text("title").notNull(),
    romeCodes: text("rome_codes").array().notNull().default(sql`'{}'::text[]`),
    year: integer("year"),
    completed: boolean("completed").notNull().default(true),
  },
  (t) => [index("profile_formations_profile").on(t.profileId)],
);

/**
 * What the matcher scans: one row per searchable profile (active, seeking, visible) and
 * large ROME domain of its jobs, holding a copy of every column the hard filters and the
 * score read, with a GiST index on (domain, planar point). Narrowing by domain inside the
 * index and never touching the wide profile rows is what keeps a dense city fast
 * (see docs/benchmarks.md). Rewritten by refreshMatchPoints whenever a profile is saved.
 */
export const profileMatchPoints = pgTable(
  "profile_match_points",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => beneficiaryProfiles.id, { onDelete: "cascade" }),
    largeDomain: text("large_domain").notNull(),
    point: projectedPoint("point").notNull(),
    location: geographyPoint("location").notNull(),
    maxDistanceKm: real("max_distance_km").notNull(),
    hasLicence: boolean("has_licence").notNull(),
    hasVehicle: boolean("has_vehicle").notNull(),
    availableFrom: date("available_from"),
    shifts: integer("shifts").notNull(),
    romeCodes: text("rome_codes").array().notNull(),
    domainCodes: text("domain_codes").array().notNull(),
    skillCodes: integer("skill_codes").array().notNull(),
    formationRomeCodes: text("formation_rome_codes").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.largeDomain] }),
    index("profile_match_points_domain_point").using("gist", t.largeDomain, t.point),
  ],
);
