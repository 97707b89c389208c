import { describe, expect, it } from "vitest";
import { addMonthsToMonth, monthsBetween, resolvePeriod } from "./period";
import { publicReport, suppressParts } from "./public";
import type { StatsReport } from "./types";
import { FieldErrors } from "../trpc/init";

describe("public suppression", () => {
  it("hides counts below 5", () => {
    expect(suppressParts(null, [0, 4, 5, 12])).toEqual([null, null, 5, 12]);
  });

  it("hides a second cell when a lone hidden one could be deduced from the total", () => {
    // 30 = 12 + 9 + 6 + 3: without the second hiding, 3 = 30 − 27
    expect(suppressParts(30, [12, 9, 6, 3])).toEqual([12, 9, null, null]);
    // two small cells already hide each other
    expect(suppressParts(20, [16, 2, 2])).toEqual([16, null, null]);
    // everything shown
    expect(suppressParts(20, [10, 10])).toEqual([10, 10]);
  });

  it("the public report: totals, months, rates, medians, exits; no caseloads, no territory", () => {
    const report: StatsReport = {
      filters: { from: "2026-01", to: "2026-03", territory: "blois" },
      months: ["2026-01", "2026-02", "2026-03"],
      computedAt: "2026-04-01T00:00:00.000Z",
      counts: [
        { key: "hires", label: "Embauches", explanation: "", total: 23, months: [{ month: "2026-01", value: 10 }, { month: "2026-02", value: 11 }, { month: "2026-03", value: 2 }] },
        { key: "proposals", label: "Propositions", explanation: "", total: 4, months: [{ month: "2026-01", value: 4 }, { month: "2026-02", value: 0 }, { month: "2026-03", value: 0 }] },
      ],
      retention: [
        {
          monthsAfter: 1,
          label: "",
          explanation: "",
          eligible: 20,
          retained: 12,
          notRetained: 6,
          unknown: 2,
          rate: 12 / 18,
          months: [
            { month: "2026-01", eligible: 10, retained: 6, rate: 6 / 9, known: 9 },
            { month: "2026-02", eligible: 7, retained: 6, rate: 6 / 6, known: 6 },
            { month: "2026-03", eligible: 3, retained: 0, rate: 0, known: 3 },
          ],
        },
        { monthsAfter: 3, label: "", explanation: "", eligible: 6, retained: 2, notRetained: 2, unknown: 2, rate: 0.5, months: [] },
      ],
      delays: [
        {
          key: "signup_to_first_hire",
          label: "",
          explanation: "",
          medianDays: 40,
          people: 9,
          months: [
            { month: "2026-01", medianDays: 30, people: 6 },
            { month: "2026-02", medianDays: 50, people: 3 },
            { month: "2026-03", medianDays: null, people: 0 },
          ],
        },
      ],
      exits: { explanation: "", rows: [{ reason: "moved", label: "Déménagement", count: 7 }, { reason: "job", label: "Autre emploi", count: 1 }] },
      caseloads: [{ adviserId: "a", name: "A", territory: null, people: 30, completeCvs: 10, placementsFollowed: 2 }],
    };
    const p = publicReport(report);
    expect(p.caseloads).toBeUndefined();
    expect(p.filters.territory).toBeNull();
    // 2 hidden, and 10 with it: otherwise 23 − 10 − 11 would give it back
    expect(p.counts[0]).toMatchObject({ total: 23, months: [{ value: null }, { value: 11 }, { value: null }] });
    expect(p.counts[1]).toMatchObject({ total: null, months: [{ value: null }, { value: null }, { value: null }] });
    // unknown (2) hidden, not retained (6) hidden with it; the rate would give both back (known = 12 / rate)
    expect(p.retention[0]).toMatchObject({ eligible: 20, retained: 12, notRetained: null, unknown: null, rate: null });
    // eligible 3 hidden, and 7 with it; retained 0 hidden, and the first 6 with it; rates: January's
    // would give back 3 not retained and 1 unknown, February's 1 unknown
    expect(p.retention[0]!.months.map((m) => [m.eligible, m.retained, m.rate])).toEqual([
      [10, null, null],
      [null, 6, null],
      [null, null, null],
    ]);
    // fewer than 5 answers known: no rate
    expect(p.retention[1]).toMatchObject({ eligible: 6, retained: null, notRetained: null, unknown: null, rate: null });
    expect(p.delays[0]).toMatchObject({ medianDays: 40, people: 9 });
    expect(p.delays[0]!.months.map((m) => [m.medianDays, m.people])).toEqual([
      [30, 6],
      [null, null],
      [null, null],
    ]);
    expect(p.exits.rows.map((e) => e.count)).toEqual([7, null]);
  });
});

describe("public rates", () => {
  it("a rate stays when no count it gives back is between 1 and 4", () => {
    const base = { label: "", explanation: "" };
    const report = {
      filters: { from: "2026-01", to: "2026-01", territory: null },
      months: ["2026-01"],
      computedAt: "",
      counts: [],
      retention: [
        { ...base, monthsAfter: 1 as const, eligible: 20, retained: 14, notRetained: 6, unknown: 0, rate: 0.7, months: [{ month: "2026-01", eligible: 20, retained: 14, rate: 0.7, known: 20 }] },
      ],
      delays: [],
      exits: { explanation: "", rows: [] },
    } satisfies StatsReport;
    const r = publicReport(report).retention[0]!;
    // unknown 0 is hidden, so is the smallest other part (6); the rate gives back only 0 and 6
    expect([r.eligible, r.retained, r.notRetained, r.unknown, r.rate]).toEqual([20, 14, null, null, 0.7]);
    expect(r.months[0]).toMatchObject({ eligible: 20, retained: 14, rate: 0.7, known: null });
  });
});

describe("period", () => {
  const now = new Date("2026-11-22T10:00:00Z");

  it("defaults to the twelve months ending this month in Paris", () => {
    expect(resolvePeriod({}, now)).toEqual({ from: "2025-12", to: "2026-11" });
    // 23:30 UTC on 30 November is December in Paris
    expect(resolvePeriod({}, new Date("2026-11-30T23:30:00Z"))).toEqual({ from: "2026-01", to: "2026-12" });
    expect(resolvePeriod({ from: "2026-03" }, now)).toEqual({ from: "2026-03", to: "2026-11" });
    expect(resolvePeriod({ from: "2024-01" }, now)).toEqual({ from: "2024-01", to: "2024-12" });
    expect(resolvePeriod({ to: "2026-06" }, now)).toEqual({ from: "2025-07", to: "2026-06" });
  });

  it("refuses a period backwards or longer than 36 months", () => {
    expect(() => resolvePeriod({ from: "2026-05", to: "2026-04" }, now)).toThrow(FieldErrors);
    expect(() => resolvePeriod({ from: "2023-01", to: "2025-12" }, now)).not.toThrow();
    expect(() => resolvePeriod({ from: "2023-01", to: "2026-01" }, now)).toThrow(/36 mois/);
  });

  it("counts months across years", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(addMonthsToMonth("2026-01", -1)).toBe("2025-12");
  });
});
