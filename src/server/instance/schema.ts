import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

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
