import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { everyPeriod, Knowledge } from "../testing/differencing";
import { makeProfile } from "../testing/factories";
import { statsCsvHttp } from "./http";
import { monthsBetween } from "../../lib/dates";
import { cachedPublicReport, clearPublicReportCache } from "./public-cache";
import type { CountKey, StatsReport } from "./types";

// The differencing attack of issue 12 on the real pipeline: a year of registrations, complete
// CVs and hires in the database, many months below 5; a visitor asks the public statistics
// (tRPC's function and the CSV download) for every run of months of that year and combines
// every number published. No hidden month may follow.

const NOW = new Date("2026-03-15T10:00:00Z");
const MONTHS = monthsBetween("2025-01", "2025-12");
const REGISTERED = [7, 3, 12, 0, 5, 2, 9, 4, 6, 1, 8, 11];
const COMPLETE = [5, 3, 7, 0, 5, 0, 4, 4, 1, 0, 8, 6];
const HIRES = [6, 1, 0, 5, 2, 9, 3, 0, 7, 4, 5, 1];
const TRUTH: Partial<Record<CountKey, number[]>> = { beneficiaries_registered: REGISTERED, cvs_complete: COMPLETE, hires: HIRES };
const LABELS: Partial<Record<CountKey, string>> = { beneficiaries_registered: "Personnes inscrites", cvs_complete: "CV complets", hires: "Embauches" };

let h: DatabaseHandle;
beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
  const profiles: string[] = [];
  for (const [i, month] of MONTHS.entries()) {
    for (let n = 0; n < REGISTERED[i]!; n++) {
      const p = await makeProfile(h.db, "41018", { territoryCode: "blois" });
      profiles.push(p.id);
      const complete = n < COMPLETE[i]!;
      await h.db.execute(sql`update beneficiary_profiles set created_at = ${`${month}-10T10:00:00Z`}::timestamptz, territory_code = 'blois',
        steps_done = ${complete ? sql`array['place','mobility','jobs','skills','availability','background','visibility']` : sql`steps_done`},
        skill_codes = ${complete ? sql`array[1,2,3]` : sql`skill_codes`} where id = ${p.id}::uuid`);
    }
  }
  let k = 0;
  for (const [i, month] of MONTHS.entries()) {
    for (let n = 0; n < HIRES[i]!; n++) {
      await h.db.execute(sql`insert into placements (profile_id, territory_code, job_title, starts_on, status, source)
        values (${profiles[k++ % profiles.length]}::uuid, 'blois', 'Agent de service', ${`${month}-12`}::date, 'active', 'adviser')`);
    }
  }
  clearPublicReportCache();
});
afterAll(async () => {
  clearPublicReportCache();
  await h?.close();
});

/** The CSV's row of a figure: its months then its total, "masqué" read as hidden. */
function csvRow(body: string, label: string): Array<number | null> {
  const line = body.split("\r\n").find((l) => l.startsWith(`${label};`))!;
  return line.split(";").slice(1, -1).map((c) => (c === "masqué" ? null : Number(c)));
}

describe("no combination of public answers gives a hidden count back (database, tRPC and CSV)", () => {
  it("every period of the year, every count of the fixture", async () => {
    const periods = everyPeriod("2025-01", "2025-12");
    const answers: Array<{ from: string; to: string; report: StatsReport; csv: string }> = [];
    for (const [from, to] of periods) {
      const report = await cachedPublicReport(h.db, { from, to }, NOW);
      const csv = await statsCsvHttp(h.db, new URLSearchParams({ table: "counts", from, to }), "public", NOW);
      expect(csv.status).toBe(200);
      answers.push({ from, to, report, csv: csv.body });
    }
    expect(answers).toHaveLength(78);

    for (const [key, truth] of Object.entries(TRUTH) as Array<[CountKey, number[]]>) {
      const k = new Knowledge(MONTHS);
      for (const { from, to, report, csv } of answers) {
        const figure = report.counts.find((c) => c.key === key)!;
        // the CSV publishes exactly what the page does
        expect(csvRow(csv, LABELS[key]!), `${key} ${from}..${to}`).toEqual([...figure.months.map((m) => m.value), figure.total]);
        k.total(from, to, figure.total);
        if (figure.total !== null) expect(figure.total).toBe(monthsBetween(from, to).reduce((n, m) => n + truth[MONTHS.indexOf(m)]!, 0));
        for (const m of figure.months) {
          k.month(m.month, m.value);
          if (m.value !== null) expect(m.value).toBe(truth[MONTHS.indexOf(m.month)]);
        }
      }
      // there was something to find: months hidden, and totals published around them
      expect(k.hidden.size, key).toBeGreaterThan(0);
      expect(k.equations.length, key).toBeGreaterThan(MONTHS.length - k.hidden.size);
      expect(k.givenBack(), key).toEqual([]);
    }
    // complete CVs of January: 7 registered − 5 complete = 2 people would follow, so January's 5 is hidden
    const january = answers.find((a) => a.from === "2025-01" && a.to === "2025-01")!.report;
    expect(january.counts.find((c) => c.key === "cvs_complete")!.months[0]!.value).toBeNull();
    expect(january.counts.find((c) => c.key === "beneficiaries_registered")!.months[0]!.value).toBe(7);
  });
});
