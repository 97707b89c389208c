// What an organisation may learn of how far a candidate lives: a band, from the commune's
// reference point (never from a precise point the person gave), and a filter that takes only
// the bands' bounds. Pure: the pages import it too.

/** The only radius values the candidates filter accepts, in km; also the bands' bounds. */
export const DISTANCE_BANDS = [5, 10, 20, 30, 50] as const;
export type DistanceBand = (typeof DISTANCE_BANDS)[number];

export function isDistanceBand(km: unknown): km is DistanceBand {
  return typeof km === "number" && (DISTANCE_BANDS as readonly number[]).includes(km);
}

/** "Moins de 5 km", "5 à 10 km", …, "Plus de 50 km". */
export function distanceBandLabel(km: number): string {
  let lower = 0;
  for (const upper of DISTANCE_BANDS) {
    if (km < upper) return lower === 0 ? `Moins de ${upper} km` : `${lower} à ${upper} km`;
    lower = upper;
  }
  return `Plus de ${lower} km`;
}

/** The French message for a radius outside the bands. */
export const DISTANCE_BAND_MESSAGE = `Choisissez une distance parmi ${DISTANCE_BANDS.join(", ")} km.`;
