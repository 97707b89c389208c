import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { ReportPeriod } from "@/components/stats/ReportPeriod";
import { StatsFilterForm } from "@/components/stats/StatsFilterForm";
import { StatsReportView } from "@/components/stats/StatsReportView";
import { filterErrorsOf, hasErrors, parseStatsFilters } from "@/components/stats/filters";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import type { StatsReport } from "@/server/stats/types";
import { FieldErrors } from "@/server/lib/field-errors";
import "@/components/stats/stats.css";

export const metadata: Metadata = { title: "Statistiques" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The same figures as the dashboard for the whole instance, open to all, small counts hidden. */
export default async function PublicStatistics({ searchParams }: Props) {
  const params = await searchParams;
  const caller = await serverCaller();
  const info = await caller.instance.info();
  const parsed = parseStatsFilters(params);

  let errors = parsed.errors;
  let report: StatsReport | null = null;
  if (!hasErrors(errors)) {
    try {
      report = await caller.stats.public(parsed.input);
    } catch (err) {
      if (err instanceof TRPCError && err.code === "BAD_REQUEST" && err.cause instanceof FieldErrors) errors = filterErrorsOf(err.cause.fields);
      else throw err;
    }
  }
  const shown = report ? report.filters : parsed.raw;

  return (
    <>
      <PageHeader title="Statistiques" intro={`${info.displayName} : les chiffres mois par mois, pour tout le département.`}>
        <p className="stats-intro">
          Pour que personne ne puisse être reconnu, tout nombre de personnes inférieur à 5 est masqué : il s'affiche « &lt; 5 ». Seuls
          les mois terminés sont publiés. Un total n'est donné que si aucun mois n'est masqué (sinon : « au moins » la somme des mois
          affichés), pour qu'on ne puisse pas retrouver un nombre masqué en comparant deux périodes. Les sorties sont publiées par année
          entière. Les chiffres sont calculés à partir des données du service, sans aucune information sur les personnes.
        </p>
      </PageHeader>
      <StatsFilterForm action="/statistiques" from={shown.from} to={shown.to} errors={errors} />
      {report ? (
        <>
          <ReportPeriod report={report} />
          <StatsReportView report={report} csvBase="/api/statistiques" audience="public" />
        </>
      ) : (
        <Notice tone="error" title="Les chiffres n'ont pas été calculés">
          <p>Corrigez la période ci-dessus, puis choisissez « Afficher ».</p>
        </Notice>
      )}
    </>
  );
}
