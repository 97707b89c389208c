import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { StatsReport } from "@/server/stats/types";
import { formatMonthLong } from "./format";

/** Which figures are on screen, in words: the period, the territory, and when they were computed. */
export function ReportPeriod({ report, territoryName }: { report: StatsReport; territoryName?: string }) {
  const { from, to } = report.filters;
  const period = from === to ? `en ${formatMonthLong(from)}` : `de ${formatMonthLong(from)} à ${formatMonthLong(to)}`;
  return (
    <p className="stats-period" id="stats-period">
      Chiffres {period}
      {territoryName !== undefined ? `, ${territoryName}` : ""}. <span className="muted">Calculés le {formatDateTime(report.computedAt, instanceTimeZone())}.</span>
    </p>
  );
}
