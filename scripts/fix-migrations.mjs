// drizzle-kit quotes custom PostGIS types ("geography(Point,4326)"), which PostgreSQL
// rejects: unquote them in the generated migrations. Run by `npm run db:generate`.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

for (const file of readdirSync("drizzle").filter((f) => f.endsWith(".sql"))) {
  const path = `drizzle/${file}`;
  const before = readFileSync(path, "utf8");
  const after = before.replace(/"((?:geography|geometry)\([^)"]*\))"/g, "$1");
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`unquoted PostGIS types in ${path}`);
  }
}
