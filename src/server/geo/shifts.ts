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

export const SHIFT_LABELS: Record<Shift, string> = { day: "de jour", night: "de nuit", weekend: "le week-end" };
