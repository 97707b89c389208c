// The shape of the département's statistics, shared by the dashboard, the public page, the
// CSV downloads and `cli stats --json`. Every figure is computed by SQL over the data
// (see queries.ts), never kept as a counter.

import type { YearMonth } from "../../lib/dates";

export type StatsFilters = {
  /** first and last month included */
  from: YearMonth;
  to: YearMonth;
  /** a territory code of the instance, or null for the whole instance */
  territory: string | null;
};

/** One value per month of the period, in order; null when hidden (public page, fewer than 5). */
export type MonthlyValues = Array<{ month: YearMonth; value: number | null }>;

export type CountKey =
  | "beneficiaries_registered"
  | "employers_registered"
  | "cvs_complete"
  | "offers_published"
  | "offers_filled"
  | "applications"
  | "proposals"
  | "contacts_accepted"
  | "hires";

/** A count over the period, with its months. */
export type CountFigure = {
  key: CountKey;
  label: string;
  /** one line, in French, saying how it is computed */
  explanation: string;
  total: number | null;
  months: MonthlyValues;
};

/** Retention at +1, +3 or +6 months of placements that started in the period. */
export type RetentionFigure = {
  monthsAfter: 1 | 3 | 6;
  label: string;
  explanation: string;
  /** placements whose check-in date has come */
  eligible: number | null;
  retained: number | null;
  notRetained: number | null;
  /** check-in not recorded yet, or person unreachable: left out of the rate */
  unknown: number | null;
  /** retained / (retained + notRetained), 0..1; null when nobody is known (or hidden) */
  rate: number | null;
  /** by the placement's start month */
  months: Array<{
    month: YearMonth;
    eligible: number | null;
    retained: number | null;
    rate: number | null;
    /** the rate's denominator, retained + not retained (added for the public suppression; optional) */
    known?: number | null;
  }>;
};

export type DelayKey = "signup_to_first_application" | "signup_to_first_hire";

/** Median days from sign-up to a first event, for people who signed up in the period. */
export type DelayFigure = {
  key: DelayKey;
  label: string;
  explanation: string;
  medianDays: number | null;
  /** people the median is computed over */
  people: number | null;
  /** by sign-up month */
  months: Array<{ month: YearMonth; medianDays: number | null; people: number | null }>;
};

/** Placements that ended in the period, by the instance's exit reasons. */
export type ExitRow = { reason: string; label: string; count: number | null };

export type CaseloadRow = {
  adviserId: string;
  name: string;
  territory: string | null;
  /** active people followed now */
  people: number;
  /** of whom with a complete CV */
  completeCvs: number;
  /** placements in follow-up now (active, a check-in still pending) */
  placementsFollowed: number;
};

/** Connections and messages (the dashboard and CSV only, never the public page). */
export type OutreachKey =
  | "connections"
  | "applications_answered"
  | "alerts_sent"
  | "alerts_clicked"
  | "emails_sent"
  | "sms_sent"
  | "push_sent"
  | "hires_not_followed";

export type OutreachFigure = Omit<CountFigure, "key"> & { key: OutreachKey };

/** How organisations answer applications sent in the period. */
export type AnswerFigure = {
  label: string;
  explanation: string;
  applications: number;
  answered: number;
  /** answered / applications, 0..1; null without applications */
  rate: number | null;
  /** median hours from the application to the organisation's first answer, over the answered ones */
  medianHours: number | null;
};

export type StatsReport = {
  filters: StatsFilters;
  /** the months of the period, in order */
  months: YearMonth[];
  /** when it was computed (ISO timestamp) */
  computedAt: string;
  counts: CountFigure[];
  retention: RetentionFigure[];
  delays: DelayFigure[];
  exits: { explanation: string; rows: ExitRow[] };
  /** advisers' caseloads now (filtered by territory); absent from the public statistics */
  caseloads?: CaseloadRow[];
  /** connections, answers and messages; absent from the public statistics */
  outreach?: { counts: OutreachFigure[]; answers: AnswerFigure };
};

/** The tables a CSV download can hold. */
export const STATS_TABLES = ["counts", "retention", "delays", "exits", "caseloads", "outreach"] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

/** Below this, a count is hidden on the public page so that nobody can be singled out. */
export const PUBLIC_MIN_COUNT = 5;
