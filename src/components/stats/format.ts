// Formatting and URL helpers shared by the dashboard and the public statistics page.
import type { YearMonth } from "@/lib/dates";
import type { StatsTable } from "@/server/stats/types";

/** What a count hidden on the public page (fewer than 5) reads as. */
export const HIDDEN_LABEL = "< 5";
/** What a rate or a median over fewer than 5 people reads as on the public page. */
export const HIDDEN_MEASURE_LABEL = "masqué";
/**
 * A total of the public page: hidden when a month under it is (it would give that month back),
 * then "au moins N", N the sum of the months shown.
 */
export function formatTotal(total: number | null, months: ReadonlyArray<number | null>): string {
  if (total !== null) return formatNumber(total);
  const atLeast = months.reduce<number>((n, v) => n + (v ?? 0), 0);
  return atLeast > 0 ? `au moins ${formatNumber(atLeast)}` : HIDDEN_MEASURE_LABEL;
}
/** What a value that cannot be computed (nobody to count) reads as. */
export const NO_DATA_LABEL = "—";

const numberFormat = new Intl.NumberFormat("fr-FR");
const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
// Months are calendar months with no time of day: format them in UTC so the server's zone cannot shift them.
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });
const longMonthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): value is YearMonth {
  return MONTH_PATTERN.test(value);
}

function monthDate(month: YearMonth): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

/** "2026-01" → "janv. 2026" */
export function formatMonth(month: YearMonth): string {
  return isYearMonth(month) ? monthFormat.format(monthDate(month)) : month;
}

/** "2026-01" → "janvier 2026", for sentences read aloud */
export function formatMonthLong(month: YearMonth): string {
  return isYearMonth(month) ? longMonthFormat.format(monthDate(month)) : month;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** 9.5 → "9,5 jours" (singular below 2, as French has it) */
export function formatDays(value: number): string {
  return `${decimalFormat.format(value)} ${Math.abs(value) < 2 ? "jour" : "jours"}`;
}

/** 0.756 → "75,6 %" */
export function formatRate(value: number): string {
  return percentFormat.format(value);
}

/** A count: "< 5" when the public page hides it. */
export function formatCount(value: number | null): string {
  return value === null ? HIDDEN_LABEL : formatNumber(value);
}

export type PeriodParams = { from: YearMonth; to: YearMonth; territory?: string | null };

/** The CSV download of one table, with the filters on screen. */
export function csvHref(base: string, table: StatsTable, params: PeriodParams): string {
  const search = new URLSearchParams({ table, from: params.from, to: params.to });
  if (params.territory) search.set("territory", params.territory);
  return `${base}?${search.toString()}`;
}

