import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { ReportPeriod } from "@/components/stats/ReportPeriod";
import { StatsFilterForm } from "@/components/stats/StatsFilterForm";
import { StatsReportView } from "@/components/stats/StatsReportView";
import { filterErrorsOf, hasErrors, parseStatsFilters } from "@/components/stats/filters";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import type { StatsReport } from "@/server/stats/types";
import { FieldErrors } from "@/server/lib/field-errors";
import "@/components/stats/stats.css";

export const metadata: Metadata = { title: "Tableau de bord" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Dashboard({ searchParams }: Props) {
  await requirePageRole(["admin"], "/admin/tableau-de-bord");
  const params = await searchParams;
  const caller = await serverCaller();
  const info = await caller.instance.info();
  const territories = info.territories.map((t) => ({ code: t.code, name: t.name }));
  const territoryNames = Object.fromEntries(territories.map((t) => [t.code, t.name]));
  const parsed = parseStatsFilters(
    params,
    territories.map((t) => t.code),
  );

  let errors = parsed.errors;
  let report: StatsReport | null = null;
  if (!hasErrors(errors)) {
    try {
      report = await caller.stats.dashboard(parsed.input);
    } catch (err) {
      // a period the server refuses (from after to, more than 36 months): its messages go on the fields
      if (err instanceof TRPCError && err.code === "BAD_REQUEST" && err.cause instanceof FieldErrors) errors = filterErrorsOf(err.cause.fields);
      else throw err;
    }
  }
  const shown = report ? { from: report.filters.from, to: report.filters.to, territory: report.filters.territory ?? "" } : parsed.raw;

  return (
    <>
      <PageHeader title="Tableau de bord" intro={`${info.displayName} : les chiffres par territoire et par mois.`} />
      <StatsFilterForm
        action="/admin/tableau-de-bord"
        from={shown.from}
        to={shown.to}
        territory={shown.territory}
        territories={territories}
        errors={errors}
      />
      {report ? (
        <>
          <ReportPeriod
            report={report}
            territoryName={report.filters.territory ? (territoryNames[report.filters.territory] ?? report.filters.territory) : "tout le département"}
          />
          <StatsReportView report={report} csvBase="/api/admin/stats" audience="admin" territoryNames={territoryNames} />
        </>
      ) : (
        <Notice tone="error" title="Les chiffres n'ont pas été calculés">
          <p>Corrigez le territoire ou la période ci-dessus, puis choisissez « Afficher ».</p>
        </Notice>
      )}
    </>
  );
}
