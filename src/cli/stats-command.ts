// `stats [--from AAAA-MM] [--to AAAA-MM] [--territory CODE] [--json]`: the dashboard's figures
// (caseloads included) for scripts (--json on standard output) or as a readable summary.
import type { Database } from "../server/db/client";
import { percent } from "../server/stats/csv";
import { resolveFilters, resolvePeriod, statsInput, type StatsInput } from "../server/stats/period";
import { statsReport } from "../server/stats/report";
import type { StatsReport } from "../server/stats/types";
import { FieldErrors } from "../server/lib/field-errors";
import { stringOption, UsageError } from "./args";

const OPTION_OF: Record<string, string> = { from: "--from", to: "--to", territory: "--territory" };

const usage = (fields: Record<string, string[]>) =>
  new UsageError(Object.entries(fields).map(([k, m]) => `${OPTION_OF[k] ?? k} : ${m.join(" ")}`).join("\n"));

/** The options, checked before the database is opened (the territory is checked against it afterwards). */
export function checkStatsArgs(options: Record<string, string | true>): StatsInput {
  const raw = { from: stringOption(options, "from"), to: stringOption(options, "to"), territory: stringOption(options, "territory") };
  const parsed = statsInput.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fields[String(i.path[0] ?? "")] ??= []).push(i.message);
    throw usage(fields);
  }
  try {
    resolvePeriod(parsed.data);
  } catch (err) {
    if (err instanceof FieldErrors) throw usage(err.fields);
    throw err;
  }
  return parsed.data;
}

export async function statsCommand(
  db: Database,
  options: Record<string, string | true>,
  out: (s: string) => void,
  log: (s: string) => void,
): Promise<void> {
  const input = checkStatsArgs(options);
  let report: StatsReport;
  try {
    report = await statsReport(db, await resolveFilters(db, input), { withCaseloads: true, withOutreach: true });
  } catch (err) {
    if (err instanceof FieldErrors) throw usage(err.fields);
    throw err;
  }
  if (options.json) out(`${JSON.stringify(report, null, 2)}\n`);
  else out(summary(report));
  log(`Statistiques de ${report.filters.from} à ${report.filters.to}${report.filters.territory ? `, territoire ${report.filters.territory}` : ", toute l'instance"}.`);
}

const n = (v: number | null) => (v === null ? "—" : String(v));

/** A readable summary: totals of the period, then retention, delays, exits and caseloads. */
export function summary(r: StatsReport): string {
  const lines: string[] = [];
  lines.push(`Statistiques ${r.filters.from} → ${r.filters.to}${r.filters.territory ? ` (${r.filters.territory})` : " (toute l'instance)"}`);
  lines.push("");
  const width = Math.max(...r.counts.map((c) => c.label.length));
  for (const c of r.counts) lines.push(`  ${c.label.padEnd(width)}  ${n(c.total).padStart(7)}   ${c.months.map((m) => n(m.value)).join(" ")}`);
  lines.push("");
  for (const x of r.retention) {
    const rate = x.rate === null ? "—" : `${percent(x.rate)} %`;
    lines.push(`  ${x.label} : ${rate}  (${n(x.retained)} en poste, ${n(x.notRetained)} plus en poste, ${n(x.unknown)} sans réponse, sur ${n(x.eligible)})`);
  }
  for (const d of r.delays) lines.push(`  ${d.label} : ${d.medianDays === null ? "—" : `${d.medianDays} j`} (médiane sur ${n(d.people)} personne(s))`);
  lines.push("");
  lines.push("  Sorties d'emploi :");
  for (const e of r.exits.rows) lines.push(`    ${e.label.padEnd(32)} ${n(e.count)}`);
  if (r.caseloads) {
    lines.push("");
    lines.push("  Portefeuilles (personnes suivies / CV complets / placements en suivi) :");
    for (const c of r.caseloads) lines.push(`    ${c.name.padEnd(32)} ${String(c.people).padStart(5)} ${String(c.completeCvs).padStart(5)} ${String(c.placementsFollowed).padStart(5)}${c.territory ? `  ${c.territory}` : ""}`);
  }
  if (r.outreach) {
    lines.push("");
    lines.push("  Mises en relation et messages :");
    const w = Math.max(...r.outreach.counts.map((c) => c.label.length));
    for (const c of r.outreach.counts) lines.push(`    ${c.label.padEnd(w)}  ${n(c.total).padStart(7)}`);
    const a = r.outreach.answers;
    const hours = a.medianHours === null ? "—" : `${Math.round(a.medianHours)} h`;
    lines.push(`    ${a.label} : ${a.rate === null ? "—" : `${percent(a.rate)} %`} de ${n(a.applications)} candidature(s), première réponse en ${hours} (médiane)`);
  }
  return `${lines.join("\n")}\n`;
}
