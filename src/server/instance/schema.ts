import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The instance's territories, written from its configuration file by `ref import`. */
export const territories = pgTable("territories", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const territoryCommunes = pgTable(
  "territory_communes",
  {
    territoryCode: text("territory_code")
      .notNull()
      .references(() => territories.code, { onDelete: "cascade" }),
    insee: text("insee").notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryCode, t.insee] }), index("territory_communes_insee").on(t.insee)],
);

/**
 * What the département's admins changed from the instance file in the browser (display name,
 * branding, territories, default radius, exit reasons): one row, merged over the file.
 */
export const instanceSettings = pgTable("instance_settings", {
  id: text("id").primaryKey().default("current"),
  overrides: jsonb("overrides").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
