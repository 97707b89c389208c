// Reads the statistics filters from the URL (a GET form). Only the shape is checked here, so a
// mistyped URL gets a French message; defaults and the period rules (from ≤ to, at most 36
// months) are the server's (src/server/stats/period.ts), whose messages the page shows as well.
import type { StatsFilterErrors } from "./StatsFilterForm";
import { isYearMonth } from "./format";

type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedStatsFilters = {
  /** as typed, to show back in the form */
  raw: { from: string; to: string; territory: string };
  /** what to ask the server for (absent: its default) */
  input: { from?: string; to?: string; territory?: string };
  errors: StatsFilterErrors;
};

function first(value: string | string[] | undefined): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, 100);
}

const MONTH_MESSAGE = "Indiquez un mois sous la forme AAAA-MM, par exemple 2026-01.";

/** `territoryCodes` undefined: no territory filter (the public page). */
export function parseStatsFilters(params: SearchParams, territoryCodes?: readonly string[]): ParsedStatsFilters {
  const raw = { from: first(params.from), to: first(params.to), territory: territoryCodes ? first(params.territory) : "" };
  const input: ParsedStatsFilters["input"] = {};
  const errors: StatsFilterErrors = {};
  if (raw.from) {
    if (isYearMonth(raw.from)) input.from = raw.from;
    else errors.from = [MONTH_MESSAGE];
  }
  if (raw.to) {
    if (isYearMonth(raw.to)) input.to = raw.to;
    else errors.to = [MONTH_MESSAGE];
  }
  if (raw.territory) {
    if (territoryCodes?.includes(raw.territory)) input.territory = raw.territory;
    else errors.territory = ["Choisissez un territoire de la liste."];
  }
  return { raw, input, errors };
}

export function hasErrors(errors: StatsFilterErrors): boolean {
  return Object.values(errors).some((messages) => messages !== undefined && messages.length > 0);
}

/** The field messages of a refused request (FieldErrors from the server), for the form. */
export function filterErrorsOf(fields: Record<string, string[]>): StatsFilterErrors {
  const errors: StatsFilterErrors = {};
  for (const [field, messages] of Object.entries(fields)) {
    const key = field === "from" || field === "to" || field === "territory" ? field : "from";
    errors[key] = [...(errors[key] ?? []), ...messages];
  }
  return errors;
}
