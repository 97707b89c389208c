// The public statistics: the instance's report with small counts hidden, so that nobody can be
// singled out (statistical secrecy), and built so that no combination of public answers gives
// a hidden count back (docs/reliability.md, "Public statistics").
//
// Anyone may ask for any period of whole months, as often as they like, so the rules are:
// 1. Only closed months are published (a month still running changes every day: two days'
//    answers would give back a day's count). The period ends at the last closed month at the
//    latest (period.ts, resolvePublicFilters).
// 2. A month's cells depend only on that month's figures, never on the period asked: each
//    count below PUBLIC_MIN_COUNT (0 included) is hidden in every answer, the same way.
// 3. A total over several months is published only when every month under it is published:
//    it is then their sum and tells nothing the months do not. Otherwise it is hidden (the page
//    shows "at least" the sum of the months shown). Totals of overlapping periods, or of a
//    period and its parts, therefore only ever difference to published months.
// 4. A rate is published only when every count it gives back (with the counts shown next to
//    it) is 0 or at least PUBLIC_MIN_COUNT. Retention at N months of a start month is
//    published once that month's N-month check-ins have all fallen due (closed months too).
// 5. Nested counts of the same month (complete CVs among the people registered) are shown
//    only when their difference is 0 or at least PUBLIC_MIN_COUNT.
// 6. Exits have no months: they are published for whole calendar years only (January to
//    December, closed), which never overlap.
import { addMonthsToMonth, type YearMonth } from "../../lib/dates";
import { PUBLIC_MIN_COUNT, type CountFigure, type StatsReport } from "./types";

const shown = (n: number | null): number | null => (n === null || n < PUBLIC_MIN_COUNT ? null : n);

/** A count that singles nobody out when deduced: none, or at least the threshold. */
const harmless = (n: number) => n === 0 || n >= PUBLIC_MIN_COUNT;

/** The sum of the parts when every part is published, else null (rule 3). */
export function sumIfAllShown(parts: ReadonlyArray<number | null>): number | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return parts.reduce<number>((n, p) => n + p!, 0);
}

/** The explanation of the exits table when the period is not one whole calendar year. */
export const PUBLIC_EXITS_YEAR_ONLY =
  "Sur la page publique, les sorties sont publiées par année civile entière et terminée (de janvier à décembre) : choisissez une telle période pour les voir.";

/** Whether the period is one whole calendar year, all of whose months are closed. */
export function isWholeClosedYear(from: YearMonth, to: YearMonth, lastClosed: YearMonth): boolean {
  return from.endsWith("-01") && to === `${from.slice(0, 4)}-12` && to <= lastClosed;
}

/**
 * The report as the public page shows it: whole instance, no caseloads, small counts hidden.
 * `lastClosed` is the last month over (the month before the current one in Paris); the report's
 * period must not go beyond it (resolvePublicFilters).
 */
export function publicReport(report: StatsReport, lastClosed: YearMonth): StatsReport {
  const open = report.months.filter((m) => m > lastClosed);
  if (open.length) throw new Error(`Public statistics asked for months not closed yet: ${open.join(", ")}`);

  const registered = new Map(report.counts.find((c) => c.key === "beneficiaries_registered")?.months.map((m) => [m.month, m.value]));
  const counts = report.counts.map((c): CountFigure => {
    const months = c.months.map((m) => {
      let value = shown(m.value);
      // rule 5: registered − complete CVs = people with an incomplete CV that month
      if (c.key === "cvs_complete" && value !== null && !harmless((registered.get(m.month) ?? 0) - value)) value = null;
      return { month: m.month, value };
    });
    return { ...c, total: sumIfAllShown(months.map((m) => m.value)), months };
  });

  const retention = report.retention.map((r) => {
    const months = r.months.map((m) => {
      // rule 4: the start month's N-month check-ins have all fallen due
      if (addMonthsToMonth(m.month, r.monthsAfter) > lastClosed) return { month: m.month, eligible: null, retained: null, rate: null, known: null };
      const eligible = shown(m.eligible);
      const retained = shown(m.retained);
      const known = m.known ?? 0;
      const notRetained = known - (m.retained ?? 0);
      const unknown = (m.eligible ?? 0) - known;
      const rateShown = eligible !== null && retained !== null && known >= PUBLIC_MIN_COUNT && harmless(notRetained) && harmless(unknown);
      // `known` itself is not published: with the eligible count it would give the unknown answers back
      return { month: m.month, eligible, retained, rate: rateShown ? m.rate : null, known: null, notRetained, unknown };
    });
    const eligible = sumIfAllShown(months.map((m) => m.eligible));
    const retained = sumIfAllShown(months.map((m) => m.retained));
    // Not retained and unknown have no monthly cells: published only when every month's rate is,
    // i.e. when every month's share is already known from what is shown (and harmless).
    const everyRate = months.length > 0 && months.every((m) => m.rate !== null);
    const notRetained = everyRate ? months.reduce((n, m) => n + (m.notRetained ?? 0), 0) : null;
    const unknown = everyRate ? months.reduce((n, m) => n + (m.unknown ?? 0), 0) : null;
    const rate = retained !== null && notRetained !== null && retained + notRetained > 0 ? retained / (retained + notRetained) : null;
    return {
      ...r,
      eligible,
      retained,
      notRetained,
      unknown,
      rate,
      months: months.map(({ notRetained: _n, unknown: _u, ...m }) => m),
    };
  });

  const delays = report.delays.map((d) => {
    const months = d.months.map((m) => {
      const people = shown(m.people);
      return { month: m.month, people, medianDays: people === null ? null : m.medianDays };
    });
    const people = sumIfAllShown(months.map((m) => m.people));
    return { ...d, people, medianDays: people === null ? null : d.medianDays, months };
  });

  const wholeYear = isWholeClosedYear(report.filters.from, report.filters.to, lastClosed);
  const exits = wholeYear
    ? { explanation: report.exits.explanation, rows: report.exits.rows.map((e) => ({ ...e, count: shown(e.count) })) }
    : { explanation: `${report.exits.explanation} ${PUBLIC_EXITS_YEAR_ONLY}`, rows: report.exits.rows.map((e) => ({ ...e, count: null })) };

  const { caseloads: _omitted, outreach: _internal, ...rest } = report;
  return { ...rest, filters: { ...report.filters, territory: null }, counts, retention, delays, exits };
}
