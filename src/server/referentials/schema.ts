import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { geographyPoint } from "../geo/point";

/** Every French commune, with its town-hall point: the places people and offers live in. */
export const communes = pgTable(
  "communes",
  {
    insee: text("insee").primaryKey(),
    name: text("name").notNull(),
    /** name lower-cased, accents removed, punctuation turned into spaces: what people type */
    searchName: text("search_name").notNull(),
    departement: text("departement").notNull(),
    postcodes: text("postcodes").array().notNull(),
    population: integer("population").notNull(),
    location: geographyPoint("location").notNull(),
  },
  (t) => [
    index("communes_location_gist").using("gist", t.location),
    index("communes_search_name_trgm").using("gin", sql`${t.searchName} gin_trgm_ops`),
    index("communes_search_name_prefix").on(sql`${t.searchName} text_pattern_ops`),
    index("communes_departement").on(t.departement),
  ],
);

/** One row per (postcode, commune): postcodes are shared by several communes and vice versa. */
export const communePostcodes = pgTable(
  "commune_postcodes",
  {
    postcode: text("postcode").notNull(),
    insee: text("insee")
      .notNull()
      .references(() => communes.insee, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.postcode, t.insee] }),
    index("commune_postcodes_prefix").on(sql`${t.postcode} text_pattern_ops`),
  ],
);

/** ROME large domains (A…N) and professional domains (A11…): the hierarchy of "close jobs". */
export const romeDomains = pgTable("rome_domains", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  /** 1 = large domain (one letter), 2 = professional domain (three characters) */
  level: integer("level").notNull(),
});

/** ROME job sheets ("fiches métier"), e.g. J1501 Aide-soignant. */
export const romeJobs = pgTable("rome_jobs", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  ogrCode: integer("ogr_code").notNull(),
});

/** Job titles ("appellations") people pick from; each belongs to one job sheet. */
export const romeJobTitles = pgTable(
  "rome_job_titles",
  {
    ogrCode: integer("ogr_code").primaryKey(),
    label: text("label").notNull(),
    shortLabel: text("short_label").notNull(),
    searchLabel: text("search_label").notNull(),
    romeCode: text("rome_code")
      .notNull()
      .references(() => romeJobs.code),
    /** the sheet's main title rather than a synonym */
    principal: integer("principal").notNull().default(0),
    rarelyUsed: integer("rarely_used").notNull().default(0),
  },
  (t) => [
    index("rome_job_titles_rome_code").on(t.romeCode),
    index("rome_job_titles_search_trgm").using("gin", sql`${t.searchLabel} gin_trgm_ops`),
  ],
);

/** Skills (savoir-faire, savoir-être) and knowledge items (savoirs) of the ROME. */
export const romeSkills = pgTable(
  "rome_skills",
  {
    ogrCode: integer("ogr_code").primaryKey(),
    /** skill | macro_skill | soft_skill | knowledge */
    kind: text("kind").notNull(),
    label: text("label").notNull(),
    category: text("category").notNull(),
    searchLabel: text("search_label").notNull(),
  },
  (t) => [index("rome_skills_search_trgm").using("gin", sql`${t.searchLabel} gin_trgm_ops`)],
);

/** Which skills and knowledge items belong to which job sheet. */
export const romeJobSkills = pgTable(
  "rome_job_skills",
  {
    romeCode: text("rome_code")
      .notNull()
      .references(() => romeJobs.code, { onDelete: "cascade" }),
    skillCode: integer("skill_code")
      .notNull()
      .references(() => romeSkills.ogrCode, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.romeCode, t.skillCode] }), index("rome_job_skills_skill").on(t.skillCode)],
);

/** Checksums of the reference files last loaded, so `ref import` skips work already done. */
export const referenceImports = pgTable("reference_imports", {
  dataset: text("dataset").primaryKey(),
  checksum: text("checksum").notNull(),
  rows: integer("rows").notNull(),
  importedAt: text("imported_at").notNull(),
});
