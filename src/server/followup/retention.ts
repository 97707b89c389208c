// Job retention figures: pure computations over placements and their check-ins.

import { CHECK_IN_MONTHS, type CheckInStatus } from "./schema";
import { addMonths, daysBetween, type IsoDate } from "../../lib/dates";
import type { CheckInMonths } from "./schedule";

export type RetentionPlacement = {
  startsOn: IsoDate;
  /** set when the job ended (recorded at a check-in or otherwise) */
  endedOn: IsoDate | null;
  checkIns: Array<{ monthsAfter: number; dueOn: IsoDate; status: CheckInStatus }>;
};

export type RetentionFigure = {
  monthsAfter: CheckInMonths;
  /** placements whose check-in date has come (due on or before today) */
  eligible: number;
  /** still in post at the check-in */
  retained: number;
  /** ended on or before the check-in date */
  notRetained: number;
  /** eligible but outcome unknown: check-in not recorded yet, or the person could not be reached */
  unknown: number;
  /** retained / (retained + notRetained), between 0 and 1; null when nobody is known yet */
  rate: number | null;
};

type Outcome = "retained" | "not_retained" | "unknown";

/**
 * The outcome of one placement at its +`months` check-in.
 * - when the job's end date is known: "not_retained" if it ended on or before the check-in
 *   date, "retained" if it ended after it (the person was in post on that date);
 * - otherwise by the check-in: "in_post" → "retained"; "ended" or "cancelled" → "not_retained";
 *   still pending, or recorded "unreachable" → "unknown".
 */
export function outcomeAt(p: RetentionPlacement, months: number): Outcome {
  const c = p.checkIns.find((x) => x.monthsAfter === months);
  const dueOn = c?.dueOn ?? addMonths(p.startsOn, months);
  if (p.endedOn !== null) return p.endedOn <= dueOn ? "not_retained" : "retained";
  if (!c) return "unknown";
  if (c.status === "in_post") return "retained";
  if (c.status === "ended" || c.status === "cancelled") return "not_retained";
  return "unknown";
}

/**
 * Retention at 1, 3 and 6 months over the placements whose check-in date has come
 * (due on or before `today`; a placement starting in the future, or whose +6 months date is
 * still ahead, does not count at that horizon).
 * Rate = retained / (retained + not retained): check-ins not recorded yet and people who
 * could not be reached are EXCLUDED from the rate (they are counted apart as "unknown", so
 * the page can say how many answers are missing) — counting them as lost would make an
 * adviser's figure drop merely because a call is late.
 */
export function retention(placements: readonly RetentionPlacement[], today: IsoDate): RetentionFigure[] {
  return CHECK_IN_MONTHS.map((monthsAfter) => {
    let eligible = 0;
    let retained = 0;
    let notRetained = 0;
    for (const p of placements) {
      const c = p.checkIns.find((x) => x.monthsAfter === monthsAfter);
      const dueOn = c?.dueOn ?? addMonths(p.startsOn, monthsAfter);
      if (dueOn > today) continue;
      eligible++;
      const o = outcomeAt(p, monthsAfter);
      if (o === "retained") retained++;
      else if (o === "not_retained") notRetained++;
    }
    const known = retained + notRetained;
    return { monthsAfter, eligible, retained, notRetained, unknown: eligible - known, rate: known ? retained / known : null };
  });
}

/** The median of a list of numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Median number of days from a person's sign-up to their first hire (the start date of
 * their earliest placement), over people hired at least once. A hire recorded by hand with a
 * start date before the sign-up (the person was registered afterwards) counts as 0 days.
 */
export function medianDaysToFirstHire(people: ReadonlyArray<{ signedUpOn: IsoDate; firstHireOn: IsoDate | null }>): number | null {
  return median(people.filter((p) => p.firstHireOn !== null).map((p) => Math.max(0, daysBetween(p.signedUpOn, p.firstHireOn!))));
}
