// Assembles the StatsReport from the SQL of queries.ts: every month of the period present (zero
// when nothing happened), labels and one-line explanations in French.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { loadInstanceConfig } from "../config/config";
import { CHECK_IN_MONTHS } from "../followup/schema";
import { monthsBetween } from "../../lib/dates";
import { answerRow, caseloadRows, countRows, delayRows, exitRows, outreachRows, retentionRows } from "./queries";
import type { CountKey, CountFigure, DelayFigure, DelayKey, ExitRow, OutreachFigure, OutreachKey, RetentionFigure, StatsFilters, StatsReport } from "./types";

export const COUNT_DEFINITIONS: ReadonlyArray<{ key: CountKey; label: string; explanation: string }> = [
  {
    key: "beneficiaries_registered",
    label: "Personnes inscrites",
    explanation: "Profils de personnes en recherche d'emploi créés dans le mois (heure de Paris), comptés dans leur territoire actuel.",
  },
  {
    key: "employers_registered",
    label: "Entreprises inscrites",
    explanation: "Organisations de type entreprise créées dans le mois, comptées dans le territoire de leur commune.",
  },
  {
    key: "cvs_complete",
    label: "CV complets",
    explanation: "Personnes inscrites dans le mois dont le CV est complet à ce jour (les sept étapes et au moins un métier recherché, les compétences étant facultatives).",
  },
  {
    key: "offers_published",
    label: "Offres publiées",
    explanation: "Offres d'emploi par mois de publication, dans le territoire de leur commune.",
  },
  {
    key: "offers_filled",
    label: "Offres pourvues",
    explanation: "Offres d'emploi par mois où l'entreprise les a marquées pourvues, dans le territoire de leur commune.",
  },
  {
    key: "applications",
    label: "Candidatures",
    explanation: "Candidatures envoyées dans le mois, à une offre ou à une formation, dans le territoire actuel de la personne.",
  },
  {
    key: "proposals",
    label: "Propositions des conseillers",
    explanation: "Offres proposées à une personne par un conseiller dans le mois, dans le territoire actuel de la personne.",
  },
  {
    key: "contacts_accepted",
    label: "Mises en relation acceptées",
    explanation: "Demandes de contact d'une entreprise acceptées par la personne, par mois de la réponse, dans le territoire actuel de la personne.",
  },
  {
    key: "hires",
    label: "Embauches",
    explanation: "Placements par mois de début du contrat, dans le territoire où habitait la personne à l'embauche.",
  },
];

export const OUTREACH_DEFINITIONS: ReadonlyArray<{ key: OutreachKey; label: string; explanation: string }> = [
  {
    key: "connections",
    label: "Mises en relation",
    explanation: "Candidatures envoyées dans le mois plus demandes de contact d'une entreprise acceptées dans le mois, dans le territoire actuel de la personne.",
  },
  {
    key: "applications_answered",
    label: "Candidatures qui ont reçu une réponse",
    explanation: "Candidatures envoyées dans le mois auxquelles l'organisation a répondu (entretien, embauche ou refus), à ce jour.",
  },
  { key: "alerts_sent", label: "Offres envoyées en alerte", explanation: "Offres et formations envoyées dans les alertes du mois (une par personne et par offre)." },
  { key: "alerts_clicked", label: "Offres d'alerte ouvertes", explanation: "Offres et formations d'une alerte ouvertes depuis le message, par mois du premier clic." },
  {
    key: "emails_sent",
    label: "E-mails envoyés",
    explanation: "E-mails remis au serveur de messagerie dans le mois ; avec un territoire, ceux des personnes de ce territoire ou à leur sujet.",
  },
  { key: "sms_sent", label: "SMS envoyés", explanation: "SMS remis au fournisseur dans le mois (ils sont payants) ; avec un territoire, ceux des personnes de ce territoire." },
  { key: "push_sent", label: "Notifications envoyées", explanation: "Notifications web push envoyées sur les téléphones et ordinateurs dans le mois." },
  {
    key: "hires_not_followed",
    label: "Embauches sans conseiller",
    explanation: "Embauches par mois de début dont la personne n'a pas encore de conseiller : elles attendent dans « À prendre en suivi ».",
  },
];

export const ANSWERS_EXPLANATION =
  "Candidatures envoyées dans la période : part de celles auxquelles l'organisation a répondu (entretien, embauche ou refus), et délai médian de la première réponse.";

const RETENTION_EXPLANATION = (m: number) =>
  `Placements commencés dans la période dont le point à ${m} mois est échu : part des personnes encore en poste à cette date parmi les réponses connues (sans réponse ou injoignables à part).`;

export const DELAY_DEFINITIONS: ReadonlyArray<{ key: DelayKey; label: string; explanation: string }> = [
  {
    key: "signup_to_first_application",
    label: "Délai inscription → première candidature",
    explanation: "Médiane, en jours, entre l'inscription et la première candidature, pour les personnes inscrites dans la période qui ont déjà candidaté.",
  },
  {
    key: "signup_to_first_hire",
    label: "Délai inscription → première embauche",
    explanation: "Médiane, en jours, entre l'inscription et le début du premier contrat, pour les personnes inscrites dans la période déjà embauchées.",
  },
];

export const EXITS_EXPLANATION = "Placements terminés dans la période (date de fin), par raison de sortie, dans le territoire de l'embauche.";

const UNKNOWN_REASON_LABEL = "Raison non précisée";

export type ReportOptions = {
  /** the day retention is judged at (YYYY-MM-DD); today in the instance's time zone by default */
  today?: string;
  /** the advisers' caseloads (the dashboard only) */
  withCaseloads?: boolean;
  /** connections, answers and messages (the dashboard, the CSV and the CLI; never the public page) */
  withOutreach?: boolean;
  exitReasons?: ReadonlyArray<{ code: string; label: string }>;
  now?: Date;
};

/**
 * Runs a statistics query in a read-only transaction, with two PostgreSQL settings
 * (docs/benchmarks.md): JIT off, since each statement would otherwise spend ~200 ms compiling
 * for a few tens of milliseconds of work; no parallel workers, since the dashboard already runs
 * its five queries side by side and extra worker processes only fight for the same cores.
 */
export async function withStatsSnapshot<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return fn(tx);
  });
}

/** The statistics of the filters, every figure computed by SQL now. */
export async function statsReport(db: Database, filters: StatsFilters, options: ReportOptions = {}): Promise<StatsReport> {
  const now = options.now ?? new Date();
  const today = options.today ?? instanceToday(now);
  const months = monthsBetween(filters.from, filters.to);
  // Side by side: on PostgreSQL each query runs on its own connection of the pool, using the
  // server's cores at once (less than the sum of the queries); PGlite runs them in turn. Each
  // reads its own snapshot: figures computed within the same fraction of a second.
  const [counts, retention, delays, exits, caseloads, outreach] = await Promise.all([
    withStatsSnapshot(db, (tx) => countRows(tx, filters)),
    withStatsSnapshot(db, (tx) => retentionRows(tx, filters, today)),
    withStatsSnapshot(db, (tx) => delayRows(tx, filters)),
    withStatsSnapshot(db, (tx) => exitRows(tx, filters)),
    options.withCaseloads ? withStatsSnapshot(db, (tx) => caseloadRows(tx, filters.territory)) : Promise.resolve(undefined),
    options.withOutreach ? withStatsSnapshot(db, async (tx) => ({ rows: await outreachRows(tx, filters), answers: await answerRow(tx, filters) })) : Promise.resolve(undefined),
  ]);

  const countFigures: CountFigure[] = COUNT_DEFINITIONS.map((d) => {
    const byMonth = new Map(counts.filter((c) => c.key === d.key).map((c) => [c.month, c.n]));
    const values = months.map((month) => ({ month, value: byMonth.get(month) ?? 0 }));
    return { ...d, total: values.reduce((n, v) => n + v.value, 0), months: values };
  });

  const retentionFigures: RetentionFigure[] = CHECK_IN_MONTHS.map((monthsAfter) => {
    const rows = retention.filter((r) => r.monthsAfter === monthsAfter);
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const sum = (k: "eligible" | "retained" | "notRetained") => rows.reduce((n, r) => n + r[k], 0);
    const eligible = sum("eligible");
    const retained = sum("retained");
    const notRetained = sum("notRetained");
    return {
      monthsAfter,
      label: `Maintien en emploi à ${monthsAfter} mois`,
      explanation: RETENTION_EXPLANATION(monthsAfter),
      eligible,
      retained,
      notRetained,
      unknown: eligible - retained - notRetained,
      rate: retained + notRetained ? retained / (retained + notRetained) : null,
      months: months.map((month) => {
        const r = byMonth.get(month);
        const known = r ? r.retained + r.notRetained : 0;
        return { month, eligible: r?.eligible ?? 0, retained: r?.retained ?? 0, rate: known ? r!.retained / known : null, known };
      }),
    };
  });

  const delayFigures: DelayFigure[] = DELAY_DEFINITIONS.map((d) => {
    const rows = delays.filter((r) => r.key === d.key);
    const whole = rows.find((r) => r.month === null);
    const byMonth = new Map(rows.filter((r) => r.month !== null).map((r) => [r.month!, r]));
    return {
      ...d,
      medianDays: whole?.medianDays ?? null,
      people: whole?.people ?? 0,
      months: months.map((month) => ({ month, medianDays: byMonth.get(month)?.medianDays ?? null, people: byMonth.get(month)?.people ?? 0 })),
    };
  });

  return {
    filters,
    months,
    computedAt: now.toISOString(),
    counts: countFigures,
    retention: retentionFigures,
    delays: delayFigures,
    exits: { explanation: EXITS_EXPLANATION, rows: exitTable(exits, options.exitReasons ?? loadInstanceConfig().exitReasons) },
    ...(caseloads ? { caseloads } : {}),
    ...(outreach
      ? {
          outreach: {
            counts: OUTREACH_DEFINITIONS.map((d): OutreachFigure => {
              const byMonth = new Map(outreach.rows.filter((c) => c.key === d.key).map((c) => [c.month, c.n]));
              const values = months.map((month) => ({ month, value: byMonth.get(month) ?? 0 }));
              return { ...d, total: values.reduce((n, v) => n + v.value, 0), months: values };
            }),
            answers: {
              label: "Réponses des organisations",
              explanation: ANSWERS_EXPLANATION,
              ...outreach.answers,
              rate: outreach.answers.applications ? outreach.answers.answered / outreach.answers.applications : null,
            },
          },
        }
      : {}),
  };
}

/** The instance's exit reasons in their order (zero rows included), then codes it does not know, shown with their code. */
export function exitTable(counts: ReadonlyArray<{ reason: string; count: number }>, reasons: ReadonlyArray<{ code: string; label: string }>): ExitRow[] {
  const byReason = new Map(counts.map((c) => [c.reason, c.count]));
  const rows: ExitRow[] = reasons.map((r) => ({ reason: r.code, label: r.label, count: byReason.get(r.code) ?? 0 }));
  const others = counts.filter((c) => !reasons.some((r) => r.code === c.reason)).sort((a, b) => a.reason.localeCompare(b.reason));
  for (const c of others) rows.push({ reason: c.reason, label: c.reason === "" ? UNKNOWN_REASON_LABEL : c.reason, count: c.count });
  return rows;
}
