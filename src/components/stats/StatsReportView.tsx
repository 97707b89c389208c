import type { ReactNode } from "react";
import { Card } from "@/components/ui/Card";
import type { StatsReport, StatsTable } from "@/server/stats/types";
import { BarChart } from "./BarChart";
import { FigureCard } from "./FigureCard";
import { csvHref, formatCount, formatDays, formatNumber, formatRate, formatTotal, HIDDEN_MEASURE_LABEL, NO_DATA_LABEL } from "./format";

type StatsReportViewProps = {
  report: StatsReport;
  /** the CSV route: "/api/admin/stats" or "/api/statistiques" */
  csvBase: string;
  /**
   * "public": the report went through the public suppression, so every missing value is a
   * hidden one (fewer than 5); "admin": a missing rate or median means nobody to compute it on.
   */
  audience: "admin" | "public";
  /** territory code → name, for the caseload table */
  territoryNames?: Record<string, string>;
};

/** A plain link the browser saves as a file, with the filters on screen. */
export function CsvLink({ base, table, report, children }: { base: string; table: StatsTable; report: StatsReport; children: string }) {
  return (
    <p className="stats-download">
      <a className="btn btn--secondary btn--small" href={csvHref(base, table, report.filters)} download>
        {`Télécharger ${children} (CSV)`}
      </a>
    </p>
  );
}

function Group({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="stats-group" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="stats-group__intro">{intro}</p> : null}
      {children}
    </section>
  );
}

/** A rate or a median, or why there is none: hidden (fewer than 5 people), or nobody to compute it on. */
function measureText(value: number | null, format: (value: number) => string, isPublic: boolean): string {
  if (value !== null) return format(value);
  return isPublic ? HIDDEN_MEASURE_LABEL : NO_DATA_LABEL;
}

/** Every figure of a report: counts, retention, delays, exits and (admin only) caseloads. */
export function StatsReportView({ report, csvBase, audience, territoryNames = {} }: StatsReportViewProps) {
  const isPublic = audience === "public";
  return (
    <div className="stats-report">
      <Group id="stats-activite" title="Activité, mois par mois">
        <CsvLink base={csvBase} table="counts" report={report}>
          les chiffres de l'activité
        </CsvLink>
        <div className="stats-grid">
          {report.counts.map((figure) => (
            <FigureCard
              key={figure.key}
              id={`stats-count-${figure.key}`}
              label={figure.label}
              value={formatTotal(figure.total, figure.months.map((m) => m.value))}
              valueCaption="sur la période"
              explanation={figure.explanation}
            >
              <BarChart
                id={`stats-count-${figure.key}-chart`}
                title={`${figure.label} par mois`}
                points={figure.months.map((m) => ({ month: m.month, value: m.value, hidden: m.value === null }))}
              />
            </FigureCard>
          ))}
        </div>
      </Group>

      <Group
        id="stats-maintien"
        title="Maintien dans l'emploi"
        intro="Pour les emplois commencés dans la période : la personne est-elle toujours en poste 1, 3 et 6 mois après ?"
      >
        <CsvLink base={csvBase} table="retention" report={report}>
          le maintien dans l'emploi
        </CsvLink>
        <div className="stats-grid">
          {report.retention.map((figure) => (
            <FigureCard
              key={figure.monthsAfter}
              id={`stats-retention-${figure.monthsAfter}`}
              label={figure.label}
              value={measureText(figure.rate, formatRate, isPublic)}
              valueCaption={
                figure.rate !== null
                  ? "toujours en poste, parmi les réponses connues"
                  : isPublic
                    ? "moins de 5 réponses connues : taux masqué"
                    : "aucune réponse connue pour l'instant"
              }
              explanation={figure.explanation}
            >
              <dl className="stats-facts">
                <div>
                  <dt>Emplois concernés</dt>
                  <dd>{formatTotal(figure.eligible, figure.months.map((m) => m.eligible))}</dd>
                </div>
                <div>
                  <dt>Toujours en poste</dt>
                  <dd>{formatTotal(figure.retained, figure.months.map((m) => m.retained))}</dd>
                </div>
                <div>
                  <dt>Plus en poste</dt>
                  <dd>{isPublic && figure.notRetained === null ? HIDDEN_MEASURE_LABEL : formatCount(figure.notRetained)}</dd>
                </div>
                <div>
                  <dt>Sans réponse</dt>
                  <dd>{isPublic && figure.unknown === null ? HIDDEN_MEASURE_LABEL : formatCount(figure.unknown)}</dd>
                </div>
              </dl>
              <BarChart
                id={`stats-retention-${figure.monthsAfter}-chart`}
                title={`${figure.label}, par mois de début de l'emploi`}
                points={figure.months.map((m) => ({ month: m.month, value: m.rate, hidden: isPublic && m.rate === null }))}
                format={formatRate}
                max={1}
                valueHeader="Taux"
                hiddenLabel={HIDDEN_MEASURE_LABEL}
                hiddenLegend="En pointillés : moins de 5 réponses connues, taux masqué pour que personne ne soit reconnaissable."
                extraColumns={[
                  { header: "Emplois concernés", values: figure.months.map((m) => formatCount(m.eligible)) },
                  { header: "Toujours en poste", values: figure.months.map((m) => formatCount(m.retained)) },
                ]}
              />
            </FigureCard>
          ))}
        </div>
      </Group>

      <Group id="stats-delais" title="Délais">
        <CsvLink base={csvBase} table="delays" report={report}>
          les délais
        </CsvLink>
        <div className="stats-grid">
          {report.delays.map((figure) => (
            <FigureCard
              key={figure.key}
              id={`stats-delay-${figure.key}`}
              label={figure.label}
              value={measureText(figure.medianDays, formatDays, isPublic)}
              valueCaption={
                figure.people === null
                  ? "médiane masquée : moins de 5 personnes dans un des mois"
                  : figure.medianDays === null
                    ? "personne pour l'instant"
                    : `en médiane, sur ${formatNumber(figure.people)} personne${figure.people > 1 ? "s" : ""}`
              }
              explanation={figure.explanation}
            >
              <BarChart
                id={`stats-delay-${figure.key}-chart`}
                title={`${figure.label}, par mois d'inscription`}
                points={figure.months.map((m) => ({ month: m.month, value: m.medianDays, hidden: isPublic && m.medianDays === null }))}
                format={formatDays}
                valueHeader="Médiane"
                hiddenLabel={HIDDEN_MEASURE_LABEL}
                hiddenLegend="En pointillés : moins de 5 personnes, médiane masquée pour que personne ne soit reconnaissable."
                extraColumns={[{ header: "Personnes", values: figure.months.map((m) => formatCount(m.people)) }]}
              />
            </FigureCard>
          ))}
        </div>
      </Group>

      <Card id="stats-sorties" title="Fins de contrat, par raison">
        <p className="stats-card__explanation">{report.exits.explanation}</p>
        {report.exits.rows.length === 0 ? (
          <p>Aucune fin de contrat dans la période.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="stats-sorties-caption">
            <table className="table">
              <caption id="stats-sorties-caption">Fins de contrat dans la période, par raison</caption>
              <thead>
                <tr>
                  <th scope="col">Raison</th>
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                {report.exits.rows.map((row) => (
                  <tr key={row.reason}>
                    <th scope="row">{row.label}</th>
                    <td>{formatCount(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CsvLink base={csvBase} table="exits" report={report}>
          les fins de contrat
        </CsvLink>
      </Card>

      {report.outreach ? (
        <Group
          id="stats-mises-en-relation"
          title="Mises en relation et messages"
          intro="Les candidatures et contacts acceptés, les réponses des organisations, les alertes et les messages envoyés (SMS compris : ils sont payants)."
        >
          <CsvLink base={csvBase} table="outreach" report={report}>
            les mises en relation et les messages
          </CsvLink>
          <Card id="stats-reponses" title={report.outreach.answers.label}>
            <p className="stats-card__value">
              {measureText(report.outreach.answers.rate, formatRate, false)}
              <span className="stats-card__caption">
                {` de réponses sur ${formatNumber(report.outreach.answers.applications)} candidature(s) ; première réponse en ${measureText(
                  report.outreach.answers.medianHours,
                  (h) => (h < 48 ? `${formatNumber(Math.round(h))} h` : formatDays(Math.round(h / 24))),
                  false,
                )} (médiane)`}
              </span>
            </p>
            <p className="stats-card__explanation">{report.outreach.answers.explanation}</p>
          </Card>
          <div className="stats-grid">
            {report.outreach.counts.map((figure) => (
              <FigureCard
                key={figure.key}
                id={`stats-outreach-${figure.key}`}
                label={figure.label}
                value={formatTotal(figure.total, figure.months.map((m) => m.value))}
                valueCaption="sur la période"
                explanation={figure.explanation}
              >
                <BarChart
                  id={`stats-outreach-${figure.key}-chart`}
                  title={`${figure.label} par mois`}
                  points={figure.months.map((m) => ({ month: m.month, value: m.value, hidden: m.value === null }))}
                />
              </FigureCard>
            ))}
          </div>
        </Group>
      ) : null}

      {report.caseloads ? (
        <Card id="stats-conseillers" title="Suivi par conseiller">
          <p className="stats-card__explanation">
            Aujourd'hui, quelle que soit la période choisie : les personnes actives suivies par chaque conseiller, celles qui ont un CV
            complet, et les emplois dont un point de suivi reste à faire.
          </p>
          {report.caseloads.length === 0 ? (
            <p>Aucun conseiller sur ce territoire.</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="stats-conseillers-caption">
              <table className="table">
                <caption id="stats-conseillers-caption">Personnes et emplois suivis par conseiller</caption>
                <thead>
                  <tr>
                    <th scope="col">Conseiller</th>
                    <th scope="col">Territoire</th>
                    <th scope="col">Personnes suivies</th>
                    <th scope="col">Dont CV complet</th>
                    <th scope="col">Emplois en suivi</th>
                  </tr>
                </thead>
                <tbody>
                  {report.caseloads.map((row) => (
                    <tr key={row.adviserId}>
                      <th scope="row">{row.name.trim() || "(sans nom)"}</th>
                      <td>{row.territory ? (territoryNames[row.territory] ?? row.territory) : "Tout le département"}</td>
                      <td>{formatNumber(row.people)}</td>
                      <td>{formatNumber(row.completeCvs)}</td>
                      <td>{formatNumber(row.placementsFollowed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CsvLink base={csvBase} table="caseloads" report={report}>
            le suivi par conseiller
          </CsvLink>
        </Card>
      ) : null}
    </div>
  );
}
