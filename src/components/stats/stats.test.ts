// Renders the statistics components to HTML (no browser): the chart's geometry and accessible
// text, the figure card's wiring, the report's download links, and the filters read from the URL.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StatsReport } from "@/server/stats/types";
import { BarChart, chartSummary, type ChartPoint } from "./BarChart";
import { FigureCard } from "./FigureCard";
import { StatsReportView } from "./StatsReportView";
import { filterErrorsOf, hasErrors, parseStatsFilters } from "./filters";
import { csvHref, formatCount, formatDays, formatMonth, formatNumber, formatRate } from "./format";

/** The height attribute of each bar (and hidden marker), in order. */
function rects(html: string): Array<{ month: string; height: number; hidden: boolean }> {
  return [...html.matchAll(/<rect([^>]*)>/g)].map(([, attrs = ""]) => ({
    month: /data-month="([^"]+)"/.exec(attrs)?.[1] ?? "",
    height: Number(/ height="([^"]+)"/.exec(attrs)?.[1]),
    hidden: attrs.includes('data-hidden="true"'),
  }));
}

function ariaLabel(html: string): string {
  return /<svg[^>]*aria-label="([^"]*)"/.exec(html)?.[1] ?? "";
}

const decode = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

describe("bar chart", () => {
  const points: ChartPoint[] = [
    { month: "2026-01", value: 10 },
    { month: "2026-02", value: 20 },
    { month: "2026-03", value: null, hidden: true },
    { month: "2026-04", value: 40 },
  ];

  it("draws bars proportional to the values, the largest at full height", () => {
    const html = renderToStaticMarkup(createElement(BarChart, { id: "c", title: "Embauches", points }));
    const bars = rects(html).filter((r) => !r.hidden);
    expect(bars.map((b) => b.month)).toEqual(["2026-01", "2026-02", "2026-04"]);
    const [a, b, c] = bars.map((r) => r.height);
    expect(c).toBe(60);
    expect(b! / a!).toBeCloseTo(2);
    expect(c! / a!).toBeCloseTo(4);
  });

  it("scales a rate to the given maximum, not to its largest value", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, { id: "r", title: "Taux", points: [{ month: "2026-01", value: 0.5 }], max: 1, format: formatRate }),
    );
    expect(rects(html)[0]?.height).toBeCloseTo(30);
    expect(decode(html)).toContain("<td>50\u00a0%</td>");
  });

  it("shows a hidden value as a dashed marker labelled « < 5 », in the table too, with a legend", () => {
    const html = decode(renderToStaticMarkup(createElement(BarChart, { id: "c", title: "Embauches", points })));
    expect(rects(html).filter((r) => r.hidden).map((r) => r.month)).toEqual(["2026-03"]);
    expect(html).toContain("<title>mars 2026 : < 5</title>");
    expect(html).toMatch(/<th scope="row">mars 2026<\/th><td>< 5<\/td>/);
    expect(html).toContain("En pointillés : moins de 5");
  });

  it("has no legend when nothing is hidden, and a month with no data gets no bar and a dash", () => {
    const html = decode(
      renderToStaticMarkup(
        createElement(BarChart, { id: "d", title: "Délai", points: [{ month: "2026-01", value: 3 }, { month: "2026-02", value: null }] }),
      ),
    );
    expect(html).not.toContain("En pointillés");
    expect(rects(html).map((r) => r.month)).toEqual(["2026-01"]);
    expect(html).toMatch(/<th scope="row">févr. 2026<\/th><td>—<\/td>/);
  });

  it("is an image named by a summary of the period, range and hidden months, with a captioned table of every month", () => {
    const html = decode(renderToStaticMarkup(createElement(BarChart, { id: "c", title: "Embauches par mois", points })));
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(ariaLabel(html)).toBe(
      "Graphique en barres : Embauches par mois, de janvier 2026 à avril 2026 : de 10 à 40, le plus haut en avril 2026 ; 1 mois masqué (moins de 5).",
    );
    expect(html).toContain('<caption id="c-table-caption">Embauches par mois</caption>');
    expect(html).toMatch(/<details[^>]*><summary>Voir les chiffres par mois<span class="sr-only"> : Embauches par mois<\/span><\/summary>/);
    // one row per month
    expect(html.match(/<th scope="row">/g)).toHaveLength(4);
  });

  it("summarises an empty or flat series", () => {
    expect(chartSummary("Embauches", [], formatNumber)).toBe("Embauches : aucune donnée.");
    expect(chartSummary("Embauches", [{ month: "2026-01", value: 0 }, { month: "2026-02", value: 0 }], formatNumber)).toContain(
      "0 chaque mois connu",
    );
    expect(chartSummary("Embauches", [{ month: "2026-01", value: null, hidden: true }, { month: "2026-02", value: 7 }], formatNumber)).toBe(
      "Graphique en barres : Embauches, de janvier 2026 à février 2026 : 7 en février 2026 ; 1 mois masqué (moins de 5).",
    );
    // all zero: bars of height 0, no division by zero
    const html = renderToStaticMarkup(
      createElement(BarChart, { id: "z", title: "Embauches", points: [{ month: "2026-01", value: 0 }] }),
    );
    expect(rects(html)[0]?.height).toBe(0);
  });
});

describe("figure card", () => {
  it("is a section named by its heading, with the number, what it is and how it is computed", () => {
    const html = decode(
      renderToStaticMarkup(
        createElement(FigureCard, {
          id: "stats-count-hires",
          label: "Embauches",
          value: formatNumber(1234),
          valueCaption: "sur la période",
          explanation: "Placements par mois de début du contrat.",
        }),
      ),
    );
    expect(html).toMatch(/^<section class="card stats-card" id="stats-count-hires" aria-labelledby="stats-count-hires-title">/);
    expect(html).toMatch(/<h3 class="card__title" id="stats-count-hires-title"><span>Embauches<\/span><\/h3>/);
    expect(html).toContain(`<strong class="stats-card__number" data-testid="stats-count-hires-value">1\u202f234</strong>`);
    expect(html).toContain("sur la période");
    expect(html).toContain("<p class=\"stats-card__explanation\">Placements par mois de début du contrat.</p>");
  });
});

const months = ["2026-01", "2026-02"];
const report: StatsReport = {
  filters: { from: "2026-01", to: "2026-02", territory: "CC-LOCHES" },
  months,
  computedAt: "2026-03-01T10:00:00.000Z",
  counts: [
    {
      key: "hires",
      label: "Embauches",
      explanation: "Placements par mois de début du contrat.",
      total: 12,
      months: [
        { month: "2026-01", value: 12 },
        { month: "2026-02", value: null },
      ],
    },
  ],
  retention: [
    {
      monthsAfter: 3,
      label: "Toujours en poste à 3 mois",
      explanation: "Part des personnes encore en poste.",
      eligible: 8,
      retained: 6,
      notRetained: 2,
      unknown: null,
      rate: 0.75,
      months: [
        { month: "2026-01", eligible: 8, retained: 6, rate: 0.75 },
        { month: "2026-02", eligible: null, retained: null, rate: null },
      ],
    },
  ],
  delays: [
    {
      key: "signup_to_first_application",
      label: "De l'inscription à la première candidature",
      explanation: "Médiane des jours.",
      medianDays: 9.5,
      people: 20,
      months: [
        { month: "2026-01", medianDays: 9.5, people: 20 },
        { month: "2026-02", medianDays: null, people: 0 },
      ],
    },
  ],
  exits: { explanation: "Fins de contrat par raison.", rows: [{ reason: "resignation", label: "Démission", count: null }] },
  caseloads: [{ adviserId: "a1", name: "Anne Martin", territory: "CC-LOCHES", people: 42, completeCvs: 30, placementsFollowed: 3 }],
};

describe("a whole report", () => {
  it("links each table to its CSV with the filters on screen, named « Télécharger … (CSV) »", () => {
    const html = decode(renderToStaticMarkup(createElement(StatsReportView, { report, csvBase: "/api/admin/stats", audience: "admin" })));
    const links = [...html.matchAll(/<a class="btn btn--secondary btn--small" href="([^"]+)" download="">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["/api/admin/stats?table=counts&from=2026-01&to=2026-02&territory=CC-LOCHES", "Télécharger les chiffres de l'activité (CSV)"],
      ["/api/admin/stats?table=retention&from=2026-01&to=2026-02&territory=CC-LOCHES", "Télécharger le maintien dans l'emploi (CSV)"],
      ["/api/admin/stats?table=delays&from=2026-01&to=2026-02&territory=CC-LOCHES", "Télécharger les délais (CSV)"],
      ["/api/admin/stats?table=exits&from=2026-01&to=2026-02&territory=CC-LOCHES", "Télécharger les fins de contrat (CSV)"],
      ["/api/admin/stats?table=caseloads&from=2026-01&to=2026-02&territory=CC-LOCHES", "Télécharger le suivi par conseiller (CSV)"],
    ]);
  });

  it("shows rates, medians, hidden counts and the caseload table with territory names", () => {
    const html = decode(
      renderToStaticMarkup(createElement(StatsReportView, { report, csvBase: "/api/admin/stats", audience: "admin", territoryNames: { "CC-LOCHES": "Loches Sud Touraine" } })),
    );
    expect(html).toContain('data-testid="stats-retention-3-value">75\u00a0%</strong>');
    expect(html).toContain('data-testid="stats-delay-signup_to_first_application-value">9,5 jours</strong>');
    expect(html).toContain("en médiane, sur 20 personnes");
    // the unknown count of the retention figure and the exit count are hidden
    expect(html).toMatch(/<dt>Sans réponse<\/dt><dd>< 5<\/dd>/);
    // for an admin, a month with nobody to compute a median on is a dash, not a hidden value
    expect(html).toMatch(/<th scope="row">févr. 2026<\/th><td>—<\/td><td>0<\/td>/);
    expect(html).toMatch(/<th scope="row">Démission<\/th><td>< 5<\/td>/);
    expect(html).toMatch(/<th scope="row">Anne Martin<\/th><td>Loches Sud Touraine<\/td><td>42<\/td><td>30<\/td><td>3<\/td>/);
  });

  it("the public report has no territory in its links and no caseload section", () => {
    const { caseloads: _omitted, ...rest } = report;
    const publicReport: StatsReport = { ...rest, filters: { ...report.filters, territory: null } };
    const html = decode(renderToStaticMarkup(createElement(StatsReportView, { report: publicReport, csvBase: "/api/statistiques", audience: "public" })));
    expect(html).toContain('href="/api/statistiques?table=counts&from=2026-01&to=2026-02"');
    expect(html).not.toContain("territory=");
    expect(html).not.toContain("Suivi par conseiller");
    expect(html).not.toContain("table=caseloads");
  });

  it("on the public page, a rate or a median over fewer than 5 people reads « masqué »", () => {
    const { caseloads: _omitted, ...rest } = report;
    const retention = report.retention.map((r) => ({ ...r, rate: null }));
    const delays = report.delays.map((d) => ({ ...d, medianDays: null, people: null, months: d.months.map((m) => ({ ...m, medianDays: null, people: null })) }));
    const html = decode(
      renderToStaticMarkup(createElement(StatsReportView, { report: { ...rest, retention, delays }, csvBase: "/api/statistiques", audience: "public" })),
    );
    expect(html).toContain('data-testid="stats-retention-3-value">masqué</strong><span class="muted"> moins de 5 réponses connues : taux masqué</span>');
    expect(html).toContain('data-testid="stats-delay-signup_to_first_application-value">masqué</strong>');
    expect(html).toMatch(/<th scope="row">févr. 2026<\/th><td>masqué<\/td><td>< 5<\/td><td>< 5<\/td>/);
    expect(html).toContain("En pointillés : moins de 5 personnes, médiane masquée");
  });
});

describe("formatting", () => {
  it("writes numbers, months and rates the French way", () => {
    expect(formatNumber(12345)).toBe("12\u202f345");
    expect(formatMonth("2026-01")).toBe("janv. 2026");
    expect(formatMonth("2026-12")).toBe("déc. 2026");
    expect(formatRate(0.756)).toBe("75,6\u00a0%");
    expect(formatDays(1.5)).toBe("1,5 jour");
    expect(formatDays(12)).toBe("12 jours");
    expect(formatCount(null)).toBe("< 5");
    expect(csvHref("/api/statistiques", "exits", { from: "2025-12", to: "2026-11", territory: null })).toBe(
      "/api/statistiques?table=exits&from=2025-12&to=2026-11",
    );
  });
});

describe("filters from the URL", () => {
  it("passes well-formed months and a known territory, leaves empty ones to the server's default", () => {
    expect(parseStatsFilters({ from: "2026-01", to: "2026-06", territory: "T1" }, ["T1", "T2"])).toEqual({
      raw: { from: "2026-01", to: "2026-06", territory: "T1" },
      input: { from: "2026-01", to: "2026-06", territory: "T1" },
      errors: {},
    });
    expect(parseStatsFilters({ from: "", to: undefined, territory: "" }, ["T1"]).input).toEqual({});
  });

  it("refuses a malformed month or an unknown territory in French", () => {
    const parsed = parseStatsFilters({ from: "janvier", to: "2026-13", territory: "X" }, ["T1"]);
    expect(parsed.errors.from?.[0]).toMatch(/AAAA-MM/);
    expect(parsed.errors.to?.[0]).toMatch(/AAAA-MM/);
    expect(parsed.errors.territory?.[0]).toBe("Choisissez un territoire de la liste.");
    expect(hasErrors(parsed.errors)).toBe(true);
    expect(parsed.raw.from).toBe("janvier");
  });

  it("the public page ignores a territory", () => {
    expect(parseStatsFilters({ territory: "T1" }).input).toEqual({});
  });

  it("puts the server's period messages on the fields", () => {
    expect(filterErrorsOf({ from: ["Le premier mois doit précéder le dernier."], to: ["Au plus 36 mois."] })).toEqual({
      from: ["Le premier mois doit précéder le dernier."],
      to: ["Au plus 36 mois."],
    });
  });
});
