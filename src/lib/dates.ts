// Dates for the whole application, server and browser alike (no server import here): calendar
// dates as YYYY-MM-DD strings, calendar months as YYYY-MM strings, and the few conversions from
// an instant to a date or a French label, which always take the time zone they happen in (the
// instance's, src/server/config/time-zone.ts: overseas départements are not in Paris time).

/** A calendar date, "2027-03-01". */
export type IsoDate = string;
/** A calendar month, "2027-03". */
export type YearMonth = string;

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

/** The calendar date an instant falls on in `timeZone` (an IANA name): at 23:30 UTC on 31 Dec it is already 1 Jan in Paris. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The hour (0–23) an instant falls on in `timeZone`. */
export function hourIn(timeZone: string, now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
}

/** The instant a wall-clock time happens on a date in `timeZone` ("2026-12-08", 8 → 07:00 UTC in Paris in winter). */
export function instantAt(d: IsoDate, hour: number, timeZone: string): Date {
  const [y, m, day] = parts(d);
  const guess = Date.UTC(y, m - 1, day, hour);
  // the zone's offset at that moment: what the wall clock reads there, minus UTC
  const wall = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(wall.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(guess - (asUtc - guess));
}

/** Whether `timeZone` is a time zone name this runtime knows ("Europe/Paris", "Indian/Reunion"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// ---- calendar months ("YYYY-MM") ----

const monthIndex = (m: YearMonth) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOfIndex = (i: number): YearMonth => `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1)}`;

/** The month of a date: "2027-03-15" → "2027-03". */
export function monthOf(d: IsoDate): YearMonth {
  return d.slice(0, 7);
}

/** The month `n` months after `m` (before when negative). */
export function addMonthsToMonth(m: YearMonth, n: number): YearMonth {
  return monthOfIndex(monthIndex(m) + n);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOfIndex(i));
  return out;
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: YearMonth, to: YearMonth): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** "2027-02" → "2027-02-01" */
export function firstDayOfMonth(m: YearMonth): IsoDate {
  return `${m}-01`;
}

/** "2027-02" → "2027-02-28" */
export function lastDayOfMonth(m: YearMonth): IsoDate {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return fromParts(y, mo, daysInMonth(y, mo));
}

// ---- French labels for people ----

type DateInput = Date | string | null | undefined;

/** A YYYY-MM-DD string is a calendar day, whatever the zone: noon UTC names that day in every zone from UTC-11 to UTC+11. */
const calendarNoon = (d: IsoDate) => new Date(`${d}T12:00:00Z`);
const dayOf = (value: Date | string) => (typeof value === "string" ? (ISO_DATE.test(value) ? calendarNoon(value) : new Date(value)) : value);
/** A time of day needs an instant: a string is read as one ("2026-03-12" is midnight UTC). */
const instant = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** "12 mars 2026": a calendar date (YYYY-MM-DD) as it is, an instant on its day in `timeZone`. */
export function formatDate(value: DateInput, timeZone: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone }).format(dayOf(value));
}

/**
 * "12 mars 2026" of the date written at the start of a string ("2026-03-12…", time ignored),
 * or of a Date's day in `timeZone`.
 */
export function formatWrittenDate(value: DateInput, timeZone: string): string {
  if (!value) return "";
  return formatDate(typeof value === "string" ? value.slice(0, 10) : value, timeZone);
}

/** "12/03/2026 à 14:05" (short, for tables), in `timeZone`. */
export function formatDateTime(value: DateInput, timeZone: string): string {
  if (!value) return "";
  const date = instant(value);
  const d = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone }).format(date);
  const t = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone }).format(date);
  return `${d} à ${t}`;
}

/** "12 mars 2026 à 14:05", in `timeZone`. */
export function formatLongDateTime(value: DateInput, timeZone: string): string {
  if (!value) return "";
  const date = instant(value);
  return `${formatDate(date, timeZone)} à ${new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone }).format(date)}`;
}

/** "le 12 mars 2026 à 14 h 05" ("le 1er mars…"), in `timeZone`. */
export function formatWhen(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `le ${get("day").replace(/^1$/, "1er")} ${get("month")} ${get("year")} à ${get("hour")}\u00a0h\u00a0${get("minute")}`;
}
