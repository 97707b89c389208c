// The statistics as CSV files a French spreadsheet opens right: UTF-8 with a BOM, ";" between
// cells, CRLF line ends, decimal commas, French headers. Cells starting with = + - @ (or a tab /
// carriage return) are prefixed with ' so that a spreadsheet never runs them as formulas.
import type { StatsReport, StatsTable } from "./types";

const BOM = "\uFEFF";
const SEPARATOR = ";";
const EOL = "\r\n";
/** what a cell hidden on the public page says */
export const HIDDEN_CELL = "masqué";

/** One cell: formula guard, then quotes when it holds a separator, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return BOM + rows.map((r) => r.map(csvCell).join(SEPARATOR)).join(EOL) + EOL;
}

const count = (n: number | null) => (n === null ? HIDDEN_CELL : String(n));
/** 0.75 → "75,0" (a percentage with one decimal, comma); null (no answer known, or hidden) → empty */
export const percent = (rate: number | null) => (rate === null ? "" : (Math.round(rate * 1000) / 10).toFixed(1).replace(".", ","));
const days = (n: number | null) => (n === null ? "" : String(n));

/** The rows (header first) of one table of the report. */
export function statsTableRows(report: StatsReport, table: StatsTable): Array<Array<string | number | null>> {
  switch (table) {
    case "counts":
      return [
        ["Indicateur", ...report.months, "Total", "Mode de calcul"],
        ...report.counts.map((c) => [c.label, ...c.months.map((m) => count(m.value)), count(c.total), c.explanation]),
      ];
    case "retention": {
      const rows: Array<Array<string | number | null>> = [
        ["Indicateur", "Mois de début", "Placements au point échu", "En poste", "Plus en poste", "Sans réponse", "Taux de maintien (%)", "Mode de calcul"],
      ];
      for (const r of report.retention) {
        for (const m of r.months) rows.push([r.label, m.month, count(m.eligible), count(m.retained), "", "", percent(m.rate), ""]);
        rows.push([r.label, "Toute la période", count(r.eligible), count(r.retained), count(r.notRetained), count(r.unknown), percent(r.rate), r.explanation]);
      }
      return rows;
    }
    case "delays": {
      const rows: Array<Array<string | number | null>> = [["Indicateur", "Mois d'inscription", "Médiane (jours)", "Personnes", "Mode de calcul"]];
      for (const d of report.delays) {
        for (const m of d.months) rows.push([d.label, m.month, days(m.medianDays), count(m.people), ""]);
        rows.push([d.label, "Toute la période", days(d.medianDays), count(d.people), d.explanation]);
      }
      return rows;
    }
    case "exits":
      return [["Raison de sortie", "Code", "Placements terminés"], ...report.exits.rows.map((e) => [e.label, e.reason, count(e.count)])];
    case "caseloads":
      return [
        ["Conseiller", "Territoire", "Personnes suivies", "Dont CV complet", "Placements en suivi"],
        ...(report.caseloads ?? []).map((c) => [c.name, c.territory ?? "", c.people, c.completeCvs, c.placementsFollowed]),
      ];
    case "outreach": {
      const o = report.outreach;
      if (!o) return [["Indicateur"]];
      const hours = (h: number | null) => (h === null ? "" : (Math.round(h * 10) / 10).toFixed(1).replace(".", ","));
      return [
        ["Indicateur", ...report.months, "Total", "Mode de calcul"],
        ...o.counts.map((c) => [c.label, ...c.months.map((m) => count(m.value)), count(c.total), c.explanation]),
        [],
        ["Réponses des organisations", "Candidatures", "Avec réponse", "Taux de réponse (%)", "Délai médian de la première réponse (heures)", "Mode de calcul"],
        [o.answers.label, o.answers.applications, o.answers.answered, percent(o.answers.rate), hours(o.answers.medianHours), o.answers.explanation],
      ];
    }
  }
}

export function statsCsvFilename(report: StatsReport, table: StatsTable): string {
  return `statistiques-${table}-${report.filters.from}-${report.filters.to}.csv`;
}

/** The body and headers of a CSV download. */
export function statsCsvDownload(report: StatsReport, table: StatsTable): { body: string; headers: Record<string, string> } {
  return {
    body: csvText(statsTableRows(report, table)),
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${statsCsvFilename(report, table)}"`,
      "Cache-Control": "private, no-store",
    },
  };
}
