import { describe, expect, it } from "vitest";
import { addMonthsToMonth, monthsBetween } from "../../lib/dates";
import { resolvePeriod } from "./period";
import { publicReport, sumIfAllShown } from "./public";
import type { StatsReport } from "./types";
import { FieldErrors } from "../lib/field-errors";

describe("public suppression", () => {
  it("a total is published only when every part is: it is then their sum", () => {
    expect(sumIfAllShown([5, 12, 7])).toBe(24);
    expect(sumIfAllShown([5, null, 7])).toBeNull();
    expect(sumIfAllShown([])).toBeNull();
  });

  it("the public report: months hidden below 5, totals only over shown months, rates only when harmless; no caseloads, no territory", () => {
    const report: StatsReport = {
      filters: { from: "2026-01", to: "2026-03", territory: "blois" },
      months: ["2026-01", "2026-02", "2026-03"],
      computedAt: "2026-04-01T00:00:00.000Z",
      counts: [
        { key: "hires", label: "Embauches", explanation: "", total: 23, months: [{ month: "2026-01", value: 10 }, { month: "2026-02", value: 11 }, { month: "2026-03", value: 2 }] },
        { key: "proposals", label: "Propositions", explanation: "", total: 27, months: [{ month: "2026-01", value: 9 }, { month: "2026-02", value: 8 }, { month: "2026-03", value: 10 }] },
        { key: "beneficiaries_registered", label: "Inscrits", explanation: "", total: 36, months: [{ month: "2026-01", value: 12 }, { month: "2026-02", value: 12 }, { month: "2026-03", value: 12 }] },
        { key: "cvs_complete", label: "CV", explanation: "", total: 29, months: [{ month: "2026-01", value: 10 }, { month: "2026-02", value: 12 }, { month: "2026-03", value: 7 }] },
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
    const p = publicReport(report, "2026-04");
    expect(p.caseloads).toBeUndefined();
    expect(p.filters.territory).toBeNull();
    // March's 2 hidden, so the total is too (it would give it back); the shown months stay
    expect(p.counts[0]).toMatchObject({ total: null, months: [{ value: 10 }, { value: 11 }, { value: null }] });
    expect(p.counts[1]).toMatchObject({ total: 27, months: [{ value: 9 }, { value: 8 }, { value: 10 }] });
    // complete CVs: January's 10 of 12 would give back 2 people with an incomplete CV
    expect(p.counts[3]).toMatchObject({ total: null, months: [{ value: null }, { value: 12 }, { value: 7 }] });
    // April (2026-01 + 1 month... 2026-03 + 1 = 2026-04) is closed: every month published where harmless
    expect(p.retention[0]!.months.map((m) => [m.eligible, m.retained, m.rate, m.known])).toEqual([
      // 3 not retained: no rate
      [10, 6, null, null],
      // 1 unknown: no rate
      [7, 6, null, null],
      [null, null, null, null],
    ]);
    expect(p.retention[0]).toMatchObject({ eligible: null, retained: null, notRetained: null, unknown: null, rate: null });
    expect(p.retention[1]).toMatchObject({ eligible: null, retained: null, notRetained: null, unknown: null, rate: null });
    expect(p.delays[0]).toMatchObject({ medianDays: null, people: null });
    expect(p.delays[0]!.months.map((m) => [m.medianDays, m.people])).toEqual([
      [30, 6],
      [null, null],
      [null, null],
    ]);
    // not a whole calendar year: no exits
    expect(p.exits.rows.map((e) => e.count)).toEqual([null, null]);
    expect(p.exits.explanation).toContain("année civile");
  });

  it("refuses a report with a month not closed yet", () => {
    const report = {
      filters: { from: "2026-04", to: "2026-04", territory: null },
      months: ["2026-04"],
      computedAt: "",
      counts: [],
      retention: [],
      delays: [],
      exits: { explanation: "", rows: [] },
    } satisfies StatsReport;
    expect(() => publicReport(report, "2026-03")).toThrow(/not closed/);
  });
});

describe("public rates and years", () => {
  const base = { label: "", explanation: "" };
  it("a rate stays when no count it gives back is between 1 and 4, and totals follow", () => {
    const report = {
      filters: { from: "2025-01", to: "2025-12", territory: null },
      months: ["2026-01"],
      computedAt: "",
      counts: [],
      retention: [
        { ...base, monthsAfter: 1 as const, eligible: 20, retained: 14, notRetained: 6, unknown: 0, rate: 0.7, months: [{ month: "2026-01", eligible: 20, retained: 14, rate: 0.7, known: 20 }] },
        // the 6-month check-ins of January fall due in July: not published in March
        { ...base, monthsAfter: 6 as const, eligible: 20, retained: 14, notRetained: 6, unknown: 0, rate: 0.7, months: [{ month: "2026-01", eligible: 20, retained: 14, rate: 0.7, known: 20 }] },
      ],
      delays: [],
      exits: { explanation: "", rows: [{ reason: "moved", label: "Déménagement", count: 7 }, { reason: "job", label: "Autre emploi", count: 1 }] },
    } satisfies StatsReport;
    const p = publicReport({ ...report, months: ["2026-01"], filters: { from: "2026-01", to: "2026-01", territory: null } }, "2026-03");
    const r = p.retention[0]!;
    // 0 unknown and 6 not retained are given back by the rate: neither is between 1 and 4
    expect([r.eligible, r.retained, r.notRetained, r.unknown, r.rate]).toEqual([20, 14, 6, 0, 0.7]);
    expect(r.months[0]).toMatchObject({ eligible: 20, retained: 14, rate: 0.7, known: null });
    expect(p.retention[1]).toMatchObject({ eligible: null, retained: null, rate: null, months: [{ eligible: null, retained: null, rate: null }] });
    // a whole closed calendar year publishes its exits (below 5 hidden)
    const year = publicReport({ ...report, months: [], retention: [] }, "2026-03");
    expect(year.exits.rows.map((e) => e.count)).toEqual([7, null]);
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
