// The follow-up calendar of a placement: pure date arithmetic on calendar dates
// (YYYY-MM-DD strings, no clock, no time zone inside). "today" is always a parameter; the
// callers compute it in the instance's time zone with parisToday().

import { CHECK_IN_MONTHS, type CheckInStatus } from "./schema";

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(d);
  if (!m) throw new Error(`date attendue au format AAAA-MM-JJ : ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const fromParts = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A real calendar date in YYYY-MM-DD form (2027-02-30 is not). */
export function isIsoDate(d: string): boolean {
  const m = ISO_DATE.exec(d);
  if (!m) return false;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && day >= 1 && day <= daysInMonth(y, mo);
}

/**
 * The same day `months` calendar months later; when that month is shorter, its last day
 * (31 January + 1 month = 28 February, or 29 in a leap year; 31 August + 6 months = last day
 * of February).
 */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return fromParts(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

const epochDay = (d: IsoDate) => {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / 86_400_000;
};

export function addDays(d: IsoDate, days: number): IsoDate {
  const t = new Date((epochDay(d) + days) * 86_400_000);
  return fromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(epochDay(to) - epochDay(from));
}

/** Today's date in the instance's time zone (Europe/Paris), e.g. at 23:30 UTC on 31 Dec it is already 1 Jan. */
export function parisToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

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
