import { sql } from "drizzle-orm";
import { boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { geographyPoint } from "../geo/point";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One row per searchable offer, formation or profile: the fields both engines index, built in
 * SQL from the source tables by the search module's triggers (same transaction as the write),
 * so PostgreSQL search is never behind; Meilisearch mirrors these rows through search_queue.
 * A row exists only while its entity may be found (published offer or formation, active
 * profile); visibility filters (profile scope) are columns.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    kind: text("kind").$type<"offers" | "formations" | "profiles">().notNull(),
    entityId: uuid("entity_id").notNull(),
    title: text("title").notNull(),
    /** employer (offers), provider (formations), or the person's name (profiles) */
    owner: text("owner").notNull().default(""),
    communeInsee: text("commune_insee"),
    communeName: text("commune_name"),
    /** every searchable word (title, owner, commune, jobs, description…), lower-case and unaccented, for typo matching */
    wordsNorm: text("words_norm").notNull().default(""),
    /** French stemmed vector over the same words, weighted (title A, jobs B, owner/commune C, body D) */
    tsv: tsvector("tsv").notNull(),
    contract: text("contract"),
    /** ROME large domains (one letter) of the jobs */
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    location: geographyPoint("location"),
    startsOn: date("starts_on"),
    /** offers: last day open; an offer past it is never returned (checked at query time, the day it passes) */
    expiresOn: date("expires_on"),
    /** profiles: who follows them, their territory, whether shown to employers */
    adviserId: uuid("adviser_id"),
    territoryCode: text("territory_code"),
    visible: boolean("visible").notNull().default(true),
    /** extra fields a hit shows (first name, last name, external id, job labels…), as JSON text */
    display: text("display").notNull().default("{}"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.entityId] }),
    index("search_documents_tsv").using("gin", t.tsv),
    index("search_documents_words_trgm").using("gin", sql`${t.wordsNorm} gin_trgm_ops`),
    index("search_documents_location").using("gist", t.location),
  ],
);

/**
 * Every distinct word of the documents' words_norm. A typed word with a typo ("boulanjer") is
 * matched against this small vocabulary by trigram similarity, and the close words found are
 * then searched in the documents' tsvector (GIN): no trigram scan over every document. Words of
 * deleted documents stay (they then match nothing); a reindex prunes them.
 */
export const searchWords = pgTable(
  "search_words",
  { word: text("word").primaryKey() },
  (t) => [index("search_words_trgm").using("gin", sql`${t.word} gin_trgm_ops`)],
);

/** Entities whose search document changed, for Meilisearch (drained by the app's search job, retried on failure). */
export const searchQueue = pgTable(
  "search_queue",
  {
    kind: text("kind").notNull(),
    entityId: uuid("entity_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.entityId] }), index("search_queue_next").on(t.nextAttemptAt)],
);
