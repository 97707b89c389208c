// The period and territory of a statistics request: parsed, defaulted and checked here, so that
// the dashboard, the public page, the CSV downloads and the CLI refuse the same things with the
// same French messages.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Database } from "../db/client";
import { addMonthsToMonth, monthCount, monthOf, type YearMonth } from "../../lib/dates";
import { instanceToday } from "../config/time-zone";
import { FieldErrors } from "../lib/field-errors";
import type { StatsFilters } from "./types";

/** The longest period a request may cover (the queries stay fast and the charts readable). */
export const MAX_MONTHS = 36;
/** Months shown when no period is given: the last twelve, ending with the current month. */
export const DEFAULT_MONTHS = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthField = z.string().trim().regex(MONTH, "Mois attendu au format AAAA-MM (par exemple 2026-01).");

export const statsInput = z
  .object({
    from: monthField.optional(),
    to: monthField.optional(),
    // "" (the "whole département" choice of a select) means the whole instance, like null
    territory: z
      .string()
      .trim()
      .max(64, "Territoire inconnu.")
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict()
  .default({ territory: null });
export const publicStatsInput = z.object({ from: monthField.optional(), to: monthField.optional() }).strict().default({});
/** What a caller may ask for: months "YYYY-MM" and a territory code, all optional. */
export type StatsInput = { from?: string; to?: string; territory?: string | null };

/** The current month in the instance's time zone. */
export function instanceMonth(now: Date = new Date()): YearMonth {
  return monthOf(instanceToday(now));
}

/**
 * The period asked for, with defaults (the last twelve months ending this month in the instance's zone; a
 * lone `from` runs twelve months or up to this month; a lone `to` starts eleven months before),
 * checked: from ≤ to, at most 36 months. Throws FieldErrors in French.
 */
export function resolvePeriod(
  input: { from?: string; to?: string },
  now: Date = new Date(),
  current: YearMonth = instanceMonth(now),
): { from: YearMonth; to: YearMonth } {
  let to = input.to;
  let from = input.from;
  if (!to) {
    to = from ? addMonthsToMonth(from, DEFAULT_MONTHS - 1) : current;
    if (to > current && from && from <= current) to = current;
  }
  from ??= addMonthsToMonth(to, -(DEFAULT_MONTHS - 1));
  if (from > to) throw new FieldErrors({ from: ["Le premier mois doit précéder le dernier (ou être le même)."] });
  if (monthCount(from, to) > MAX_MONTHS) {
    throw new FieldErrors({ to: [`La période couvre au plus ${MAX_MONTHS} mois.`] });
  }
  return { from, to };
}

/** The last month over in the instance's time zone: the public statistics end there at the latest. */
export function lastClosedMonth(now: Date = new Date()): YearMonth {
  return addMonthsToMonth(instanceMonth(now), -1);
}

/**
 * The period of the public statistics: like the dashboard's, but of closed months only (the
 * twelve months up to the last closed one by default), and for the whole instance.
 */
export function resolvePublicFilters(input: { from?: string; to?: string }, now: Date = new Date()): StatsFilters {
  const last = lastClosedMonth(now);
  const period = resolvePeriod(input, now, last);
  if (period.to > last) {
    const field = period.from > last ? "from" : "to";
    throw new FieldErrors({ [field]: [`Seuls les mois terminés sont publiés : le dernier mois possible est ${last}.`] });
  }
  return { ...period, territory: null };
}

/** The territory codes of the instance (the territories table, kept in step with the instance file). */
export async function territoryCodes(db: Database): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(db, sql`select code from territories order by code`);
  return rows.map((r) => r.code);
}

/** Period and territory checked against the instance: the filters every query takes. */
export async function resolveFilters(db: Database, input: StatsInput, now: Date = new Date()): Promise<StatsFilters> {
  const period = resolvePeriod(input, now);
  const territory = input.territory ?? null;
  if (territory !== null && !(await territoryCodes(db)).includes(territory)) {
    throw new FieldErrors({ territory: ["Ce territoire n'existe pas dans cette instance."] });
  }
  return { ...period, territory };
}
