// Client-safe: plain constants and functions (no database, Drizzle or Node import); the offer
// form, the CV wizard and the pages read the shifts' words from here.

/** Work shifts as bits, so "the offer's shifts are all accepted" is one bitwise test in SQL. */
export const SHIFTS = { day: 1, night: 2, weekend: 4 } as const;
export type Shift = keyof typeof SHIFTS;
export const SHIFT_NAMES = Object.keys(SHIFTS) as Shift[];

export function shiftsToMask(shifts: readonly Shift[]): number {
  return shifts.reduce((m, s) => m | SHIFTS[s], 0);
}

export function maskToShifts(mask: number): Shift[] {
  return SHIFT_NAMES.filter((s) => (mask & SHIFTS[s]) !== 0);
}

/** Inside a sentence: "de jour, le week-end". */
export const SHIFT_LABELS: Record<Shift, string> = { day: "de jour", night: "de nuit", weekend: "le week-end" };

/** As a choice of its own (check boxes, chips): "De jour", "Le week-end". */
export const SHIFT_CHOICE_LABELS = Object.fromEntries(
  SHIFT_NAMES.map((s) => [s, SHIFT_LABELS[s].charAt(0).toUpperCase() + SHIFT_LABELS[s].slice(1)]),
) as Record<Shift, string>;
