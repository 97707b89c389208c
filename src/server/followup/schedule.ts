// The follow-up calendar of a placement: pure date arithmetic on calendar dates
// (YYYY-MM-DD strings, no clock, no time zone inside; src/lib/dates). "today" is always a
// parameter; the callers compute it in the instance's time zone with instanceToday().

import { addDays, addMonths, type IsoDate } from "../../lib/dates";
import { CHECK_IN_MONTHS, type CheckInStatus } from "./schema";

export type CheckInMonths = (typeof CHECK_IN_MONTHS)[number];

/** The three check-ins of a placement starting on `startsOn`: +1, +3 and +6 calendar months. */
export function checkInSchedule(startsOn: IsoDate): Array<{ monthsAfter: CheckInMonths; dueOn: IsoDate }> {
  return CHECK_IN_MONTHS.map((monthsAfter) => ({ monthsAfter, dueOn: addMonths(startsOn, monthsAfter) }));
}

/** "This week" of the due list: today and the six days after. */
export const DUE_WINDOW_DAYS = 7;

/**
 * Where a check-in stands on `today`:
 * - recorded (in_post, ended, unreachable) or cancelled: its stored status;
 * - pending and due before today: "overdue";
 * - pending and due between today and today + 6 days: "due" (the "this week" list);
 * - pending and due later: "upcoming".
 */
export type CheckInState = Exclude<CheckInStatus, "pending"> | "overdue" | "due" | "upcoming";

export function checkInState(c: { status: CheckInStatus; dueOn: IsoDate }, today: IsoDate): CheckInState {
  if (c.status !== "pending") return c.status;
  if (c.dueOn < today) return "overdue";
  if (c.dueOn <= addDays(today, DUE_WINDOW_DAYS - 1)) return "due";
  return "upcoming";
}

/** Whether an outcome can be recorded yet: "ended" at any time, the others from the week the check-in falls due. */
export function canRecordOutcome(c: { status: CheckInStatus; dueOn: IsoDate }, outcome: "in_post" | "ended" | "unreachable", today: IsoDate): boolean {
  if (c.status !== "pending") return false;
  if (outcome === "ended") return true;
  return c.dueOn <= addDays(today, DUE_WINDOW_DAYS - 1);
}
