import { describe, expect, it } from "vitest";
import { csvCell, csvText, percent, statsCsvDownload, statsTableRows } from "./csv";
import { parseStatsQuery } from "./http";
import type { StatsReport } from "./types";

const report: StatsReport = {
  filters: { from: "2026-01", to: "2026-02", territory: null },
  months: ["2026-01", "2026-02"],
  computedAt: "2026-03-01T10:00:00.000Z",
  counts: [
    { key: "hires", label: "Embauches", explanation: "Placements; par mois", total: 7, months: [{ month: "2026-01", value: 3 }, { month: "2026-02", value: 4 }] },
  ],
  retention: [
    {
      monthsAfter: 1,
      label: "Maintien en emploi à 1 mois",
      explanation: "…",
      eligible: 8,
      retained: 6,
      notRetained: 2,
      unknown: 0,
      rate: 0.75,
      months: [
        { month: "2026-01", eligible: 8, retained: 6, rate: 0.75 },
        { month: "2026-02", eligible: 0, retained: 0, rate: null },
      ],
    },
  ],
  delays: [],
  exits: { explanation: "…", rows: [{ reason: "moved", label: "Déménagement", count: null }] },
  caseloads: [{ adviserId: "x", name: "=HYPERLINK(\"http://evil\")", territory: "blois", people: 3, completeCvs: 1, placementsFollowed: 0 }],
};

describe("statistics CSV", () => {
  it("starts with a BOM, separates with ';', ends lines with CRLF", () => {
    const text = csvText([["a", "b"], ["1", "2"]]);
    expect(text).toBe("\uFEFFa;b\r\n1;2\r\n");
  });

  it("quotes cells holding a separator, a quote or a line break", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('dit "non"')).toBe('"dit ""non"""');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("guards cells a spreadsheet would run as formulas", () => {
    for (const s of ["=1+1", "+33 6", "-2", "@SUM(A1)"]) expect(csvCell(s)).toBe(`'${s}`);
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell("Blois")).toBe("Blois");
  });

  it("writes rates as French percentages with one decimal", () => {
    expect(percent(0.75)).toBe("75,0");
    expect(percent(2 / 3)).toBe("66,7");
    expect(percent(1)).toBe("100,0");
    expect(percent(null)).toBe("");
  });

  it("builds each table with French headers, months as YYYY-MM, hidden cells marked", () => {
    expect(statsTableRows(report, "counts")).toEqual([
      ["Indicateur", "2026-01", "2026-02", "Total", "Mode de calcul"],
      ["Embauches", "3", "4", "7", "Placements; par mois"],
    ]);
    const retention = statsTableRows(report, "retention");
    expect(retention[1]).toEqual(["Maintien en emploi à 1 mois", "2026-01", "8", "6", "", "", "75,0", ""]);
    expect(retention[3]).toEqual(["Maintien en emploi à 1 mois", "Toute la période", "8", "6", "2", "0", "75,0", "…"]);
    expect(statsTableRows(report, "exits")[1]).toEqual(["Déménagement", "moved", "masqué"]);
  });

  it("a download: headers, file name, guarded caseload names", () => {
    const d = statsCsvDownload(report, "caseloads");
    expect(d.headers["Content-Type"]).toBe("text/csv; charset=utf-8");
    expect(d.headers["Content-Disposition"]).toBe('attachment; filename="statistiques-caseloads-2026-01-2026-02.csv"');
    expect(d.body).toBe(
      "\uFEFFConseiller;Territoire;Personnes suivies;Dont CV complet;Placements en suivi\r\n" + `"'=HYPERLINK(""http://evil"")";blois;3;1;0\r\n`,
    );
    expect(statsCsvDownload(report, "counts").body.split("\r\n")[1]).toBe('Embauches;3;4;7;"Placements; par mois"');
  });
});

describe("CSV query strings", () => {
  const q = (s: string, audience: "admin" | "public" = "admin") => parseStatsQuery(new URLSearchParams(s), audience);

  it("reads table, period and territory", () => {
    expect(q("table=counts&from=2026-01&to=2026-06&territory=blois")).toEqual({
      ok: true,
      table: "counts",
      input: { from: "2026-01", to: "2026-06", territory: "blois" },
    });
    expect(q("table=exits&from=&to=")).toEqual({ ok: true, table: "exits", input: { territory: null } });
  });

  it("says in French what is wrong", () => {
    expect(q("")).toEqual({ ok: false, message: "Tableau attendu (table) : counts, retention, delays, exits, caseloads, outreach." });
    expect(q("table=counts&from=2026-1")).toEqual({ ok: false, message: "from : Mois attendu au format AAAA-MM (par exemple 2026-01)." });
    expect(q("table=counts&year=2026")).toEqual({ ok: false, message: "Paramètre inconnu : year." });
  });

  it("the public download has no caseloads and no territory", () => {
    expect(q("table=caseloads", "public")).toEqual({ ok: false, message: "Tableau attendu (table) : counts, retention, delays, exits." });
    expect(q("table=counts&territory=blois", "public")).toEqual({ ok: false, message: "Paramètre inconnu : territory." });
    expect(q("table=counts&from=2026-01", "public")).toMatchObject({ ok: true, input: { from: "2026-01" } });
  });
});
