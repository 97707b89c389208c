// Each module's tables are written only through its own functions: no module inserts into,
// updates or deletes from (Drizzle or SQL) a table defined in another module's schema.ts; it
// calls a function of the owner instead. Seed and test fixtures (db, demo, testing) are exempt.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SERVER = path.dirname(fileURLToPath(import.meta.url));
const EXEMPT = new Set(["db", "demo", "testing"]);

/**
 * Writes that cannot go through their owner without a call up the module graph (the owner is
 * above the writer). Each one listed must still exist: remove it here once it is gone.
 */
const KNOWN: Record<string, string> = {
  "instance/settings.ts: update beneficiary_profiles": "territories changed: each person's territory follows their commune (profiles is above instance)",
  "formations/manage.ts: update applications": "a training organisation answers a registration (applications is above formations)",
};

/** Table owners from the schema files: SQL name and TypeScript name → module. */
function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const mod of fs.readdirSync(SERVER)) {
    const file = path.join(SERVER, mod, "schema.ts");
    if (!fs.existsSync(file)) continue;
    for (const m of fs.readFileSync(file, "utf8").matchAll(/export const (\w+) = pgTable\(\s*"(\w+)"/g)) {
      owner.set(m[1]!, mod);
      owner.set(m[2]!, mod);
    }
  }
  return owner;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const WRITES = [
  /\.(insert|update|delete)\(\s*(\w+)\s*\)/g, // tx.insert(emailOutbox)
  /\b(insert\s+into|update|delete\s+from)\s+\$\{(\w+)\}/gi, // sql`delete from ${signInAttempts}`
  /\b(insert\s+into|update|delete\s+from)\s+(\w+)/gi, // sql`delete from email_outbox`
];

/** "module/file.ts: verb table" for every write to another module's table, with its line. */
function foreignWrites(): { key: string; where: string }[] {
  const owner = owners();
  const found: { key: string; where: string }[] = [];
  for (const mod of fs.readdirSync(SERVER)) {
    if (EXEMPT.has(mod) || !fs.statSync(path.join(SERVER, mod)).isDirectory()) continue;
    for (const file of sources(path.join(SERVER, mod))) {
      const text = fs.readFileSync(file, "utf8");
      const rel = path.relative(SERVER, file).split(path.sep).join("/");
      for (const re of WRITES) {
        for (const m of text.matchAll(re)) {
          const table = m[2]!;
          const o = owner.get(table);
          if (!o || o === mod) continue;
          const line = text.slice(0, m.index).split("\n").length;
          const verb = m[1]!.toLowerCase().split(/\s+/)[0];
          found.push({
            key: `${rel}: ${verb} ${sqlName(table)}`,
            where: `src/server/${rel}:${line}: ${text.split("\n")[line - 1]!.trim()} (${table} belongs to ${o})`,
          });
        }
      }
    }
  }
  return found;
}

/** The SQL name of a TypeScript table name, for the keys of KNOWN (beneficiaryProfiles → beneficiary_profiles). */
const sqlName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe("module ownership of tables", () => {
  const writes = foreignWrites();

  it("no module writes another module's table (it calls the owner's function)", () => {
    expect(writes.filter((w) => !(w.key in KNOWN)).map((w) => w.where)).toEqual([]);
  });

  it("the known exceptions still exist (remove them from KNOWN once they are gone)", () => {
    const keys = new Set(writes.map((w) => w.key));
    expect(Object.keys(KNOWN).filter((k) => !keys.has(k))).toEqual([]);
  });
});
