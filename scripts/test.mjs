// `npm test`: the whole suite, in order of speed: types, import rules (dependency-cruiser), unit tests, the database suite on
// PGlite (and on PostgreSQL + PostGIS when TEST_DATABASE_URL is set), then the end-to-end
// journeys in Debian's Chromium. Stops at the first failing stage and exits non-zero.
import { spawnSync } from "node:child_process";

const stages = [
  ["types", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]],
  // the module graph is one-way; the UI kit, browser code and client-safe files import only what they may
  ["imports", "npm", ["run", "--silent", "check:deps"]],
  [
    "unit + database",
    "node_modules/.bin/vitest",
    ["run", "--project", "unit", "--project", "db-pglite", ...(process.env.TEST_DATABASE_URL ? ["--project", "db-postgres"] : [])],
  ],
  ["end-to-end", "node_modules/.bin/playwright", ["test"]],
];

if (!process.env.TEST_DATABASE_URL) {
  console.log("(TEST_DATABASE_URL non défini : la suite base de données tourne sur PGlite seulement)");
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// The tests choose their own databases: never the developer's.
delete env.DATABASE_URL;

for (const [name, cmd, args] of stages) {
  const t0 = Date.now();
  console.log(`\n==> ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} a échoué (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
