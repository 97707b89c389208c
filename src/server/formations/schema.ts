import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { geographyPoint } from "../geo/point";
import { projectedPoint } from "../geo/projected";
import { organisations } from "../organisations/schema";

export const FORMATION_STATUSES = ["draft", "published", "full", "closed"] as const;
export type FormationStatus = (typeof FORMATION_STATUSES)[number];

/** A training course a provider publishes, leading to one or more ROME jobs. */
export const formations = pgTable(
  "formations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    externalId: text("external_id"),
    providerName: text("provider_name").notNull(),
    providerUserId: uuid("provider_user_id"),
    /** the training organisation (or company) that manages it; null for an imported catalogue line */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    /** ROME codes of the jobs it leads to */
    romeCodes: text("rome_codes").array().notNull().default(sql`'{}'::text[]`),
    communeInsee: text("commune_insee").notNull(),
    location: geographyPoint("location").notNull(),
    locationProj: projectedPoint("location_proj").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    seats: integer("seats"),
    prerequisites: text("prerequisites"),
    /** cost in euros for the trainee before funding; null when unknown */
    costEuros: integer("cost_euros"),
    /** how it is funded, in words (e.g. "Financée par la Région : gratuite pour vous") */
    funding: text("funding"),
    /** bumped by every save (see offers.version) */
    version: integer("version").notNull().default(1),
    /** who saved it last (named in the conflict message when two people edit at once) */
    updatedBy: uuid("updated_by"),
    status: text("status").$type<FormationStatus>().notNull().default("published"),
    /** hash of the imported line that last wrote this row: a re-import of the same line writes nothing */
    importHash: text("import_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("formations_external_id").on(t.externalId),
    index("formations_organisation").on(t.organisationId),
    index("formations_location_gist").using("gist", t.location),
    index("formations_published_point").using("gist", t.locationProj).where(sql`${t.status} = 'published'`),
  ],
);
