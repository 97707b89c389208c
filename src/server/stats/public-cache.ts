// The public statistics page needs no sign-in, and one report costs a few hundred milliseconds
// on a large instance: each period is computed at most once every few minutes per process, so
// that anonymous visitors (or a script) cannot keep the database busy.
import type { Database } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { lastClosedMonth, resolvePublicFilters } from "./period";
import { publicReport } from "./public";
import { statsReport } from "./report";
import type { StatsReport } from "./types";

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 48;
const cache = new Map<string, { at: number; report: Promise<StatsReport> }>();

/** The whole instance's report for the period, small counts hidden, from a short-lived cache. */
export async function cachedPublicReport(db: Database, input: { from?: string; to?: string }, now: Date = new Date()): Promise<StatsReport> {
  const filters = resolvePublicFilters({ from: input.from, to: input.to }, now);
  // the day matters too: retention counts the check-ins due by today
  const key = `${filters.from}|${filters.to}|${instanceToday(now)}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < TTL_MS) return hit.report;
  const report = statsReport(db, filters, { now }).then((r) => publicReport(r, lastClosedMonth(now)));
  cache.set(key, { at: now.getTime(), report });
  report.catch(() => cache.delete(key)); // a failure is not remembered
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return report;
}

/** For tests: forget every cached report. */
export function clearPublicReportCache(): void {
  cache.clear();
}
