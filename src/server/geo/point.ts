import { customType } from "drizzle-orm/pg-core";

export type LngLat = { lng: number; lat: number };

/**
 * A WGS84 point stored as PostGIS `geography(Point,4326)`, so that distances are geodesic
 * metres. Written as EWKT; read back through ST_X/ST_Y (see `pointColumns`) because the raw
 * value comes back as hex EWKB.
 */
export const geographyPoint = customType<{ data: LngLat; driverData: string }>({
  dataType() {
    return "geography(Point,4326)";
  },
  toDriver(value: LngLat): string {
    return toEwkt(value);
  },
});

export function toEwkt({ lng, lat }: LngLat): string {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new Error("Coordonnées invalides");
  return `SRID=4326;POINT(${lng} ${lat})`;
}

/** Bounding box of metropolitan France and the overseas départements, for sanity checks. */
const FRANCE_BOXES: Array<[number, number, number, number]> = [
  // [minLng, minLat, maxLng, maxLat]
  [-5.3, 41.3, 9.7, 51.2], // metropolitan France and Corsica
  [-61.9, 15.8, -60.9, 16.6], // Guadeloupe
  [-61.3, 14.3, -60.7, 14.9], // Martinique
  [-54.7, 2.1, -51.5, 5.9], // Guyane
  [55.2, -21.4, 55.9, -20.8], // La Réunion
  [44.9, -13.1, 45.4, -12.6], // Mayotte
];

export function isInFrance({ lng, lat }: LngLat): boolean {
  return FRANCE_BOXES.some(([a, b, c, d]) => lng >= a && lng <= c && lat >= b && lat <= d);
}
