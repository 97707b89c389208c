// Words and numbers of the offers and formations pages, safe to import from client code. The
// words of codes (contracts, shifts, travel means) come from the server's client-safe label
// modules (src/server/offers/labels.ts, src/server/geo/shifts.ts, src/server/profiles/labels.ts).
import { SHIFT_LABELS, type Shift } from "@/server/geo/shifts";
import type { Contract } from "@/server/offers/labels";
import { SPEED_KMH } from "@/server/profiles/completeness";
import { TRAVEL_MODE_WORDS, type TravelMode } from "@/server/profiles/labels";

export type { Contract, Shift, TravelMode };

const decimal = (x: number) => x.toFixed(1).replace(".", ",").replace(/,0$/, "");

/** "À 6,2 km" (one decimal under 10 km), "À 12 km", "À moins d'1 km". */
export function distanceLabel(km: number): string {
  if (km < 1) return "À moins d'1 km";
  return `À ${km < 10 ? decimal(km) : Math.round(km)} km`;
}

/** The fastest of the person's means of travel (the one a travel time is given for). */
export function fastestMode(modes: readonly TravelMode[]): TravelMode | null {
  let best: TravelMode | null = null;
  for (const m of modes) if (m in SPEED_KMH && (best === null || SPEED_KMH[m] > SPEED_KMH[best])) best = m;
  return best;
}

/** "≈ 15 min en voiture", "≈ 1 h 20 à pied": a rough travel time with the person's fastest means. */
export function travelHint(km: number, modes: readonly TravelMode[]): string | null {
  const mode = fastestMode(modes);
  if (!mode) return null;
  const minutes = (km / SPEED_KMH[mode]) * 60;
  return `${durationLabel(minutes)} ${TRAVEL_MODE_WORDS[mode]}`;
}

/** Minutes as people say them: "moins de 5 min", "≈ 15 min", "≈ 1 h", "≈ 1 h 20". */
export function durationLabel(minutes: number): string {
  if (minutes < 5) return "moins de 5 min";
  const rounded = Math.round(minutes / 5) * 5;
  if (rounded < 60) return `≈ ${rounded} min`;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m === 0 ? `≈ ${h} h` : `≈ ${h} h ${String(m).padStart(2, "0")}`;
}

/** "35 h par semaine", "Temps plein" when unknown hours are not given. */
export function hoursLabel(hoursPerWeek: number | null): string | null {
  if (hoursPerWeek === null) return null;
  return `${decimal(hoursPerWeek)} h par semaine`;
}

/** "de jour, le week-end" */
export function shiftsLabel(shifts: readonly Shift[]): string | null {
  const words = shifts.map((s) => SHIFT_LABELS[s]).filter(Boolean);
  return words.length ? words.join(", ") : null;
}

const dayMonth = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A calendar date "2026-03-02" as "2 mars 2026" (no time zone shift). */
export function dateLabel(isoDate: string, withYear = true): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  // "1er mars", as French writes the first day of a month
  return (withYear ? dayMonthYear : dayMonth).format(d).replace(/^1 /, "1er ");
}

/** "du 2 mars au 26 juin 2026", "du 2 décembre 2026 au 15 janvier 2027", "à partir du 2 mars 2026". */
export function dateRangeLabel(startsOn: string, endsOn: string | null): string {
  if (!endsOn) return `à partir du ${dateLabel(startsOn)}`;
  const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
  return `du ${dateLabel(startsOn, !sameYear)} au ${dateLabel(endsOn)}`;
}

/** "1 place", "12 places" */
export function seatsLabel(seats: number | null): string | null {
  if (seats === null) return null;
  return `${seats} place${seats > 1 ? "s" : ""}`;
}

/** "1 offre", "12 offres" */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/**
 * The reasons shown as chips ("why this fits you"). Left out: the distance ("À 12 km de chez
 * vous"), which the card already says in bigger type beside the travel time, and "Vous avez 0
 * compétence sur 3", which is not a reason it fits.
 */
export function reasonChips(reasons: readonly string[]): string[] {
  return reasons.filter((r) => !/^À .*km/.test(r) && !r.startsWith("À moins") && !/^Vous avez 0 compétence/.test(r));
}
