import type { Database } from "../db/client";
import { isInFrance, type LngLat } from "../geo/point";
import { searchText } from "../lib/text";
import { communeByInsee, communesByPostcode, nearestCommune } from "./queries";

/** A place as people and files give it: a commune code, a postcode (and name), or coordinates. */
export type PlaceInput = {
  communeInsee?: string | null;
  postcode?: string | null;
  communeName?: string | null;
  lat?: number | null;
  lng?: number | null;
};

export type Place = { insee: string; communeName: string; point: LngLat; precise: boolean };
export type PlaceResult = { ok: true; place: Place } | { ok: false; reason: string };

const has = (v: string | null | undefined): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Resolves a place to a commune and a point. The commune centre is used unless coordinates
 * are given (a precise point), which must lie in France. Reasons are French sentences.
 */
export async function resolvePlace(db: Database, input: PlaceInput): Promise<PlaceResult> {
  const hasPoint = input.lat != null && input.lng != null;
  if (hasPoint && (!Number.isFinite(input.lat) || !Number.isFinite(input.lng))) {
    return { ok: false, reason: "Coordonnées illisibles (latitude et longitude en degrés décimaux, ex. 47.58 et 1.31)." };
  }
  const point = hasPoint ? { lat: input.lat!, lng: input.lng! } : null;
  if (point && !isInFrance(point)) {
    return { ok: false, reason: `Les coordonnées ${point.lat}, ${point.lng} ne sont pas en France.` };
  }

  if (has(input.communeInsee)) {
    const c = await communeByInsee(db, input.communeInsee.trim().toUpperCase());
    if (!c) return { ok: false, reason: `Commune inconnue : code INSEE ${input.communeInsee}.` };
    return { ok: true, place: { insee: c.insee, communeName: c.name, point: point ?? { lat: c.lat, lng: c.lng }, precise: Boolean(point) } };
  }
  if (has(input.postcode)) {
    const postcode = input.postcode.trim();
    if (!/^\d{5}$/.test(postcode)) return { ok: false, reason: `Code postal invalide : ${postcode} (5 chiffres).` };
    let candidates = await communesByPostcode(db, postcode);
    if (candidates.length === 0) return { ok: false, reason: `Aucune commune n'a le code postal ${postcode}.` };
    if (candidates.length > 1 && has(input.communeName)) {
      const wanted = searchText(input.communeName);
      candidates = candidates.filter((c) => searchText(c.name) === wanted);
      if (candidates.length === 0) {
        return { ok: false, reason: `Aucune commune « ${input.communeName} » avec le code postal ${postcode}.` };
      }
    }
    if (candidates.length > 1) {
      const names = candidates.slice(0, 5).map((c) => c.name).join(", ");
      return {
        ok: false,
        reason: `Le code postal ${postcode} correspond à ${candidates.length} communes (${names}${candidates.length > 5 ? "…" : ""}) : précisez le nom de la commune.`,
      };
    }
    const c = candidates[0]!;
    return { ok: true, place: { insee: c.insee, communeName: c.name, point: point ?? { lat: c.lat, lng: c.lng }, precise: Boolean(point) } };
  }
  if (point) {
    const c = await nearestCommune(db, point);
    if (!c) return { ok: false, reason: "Aucune commune trouvée près de ces coordonnées." };
    return { ok: true, place: { insee: c.insee, communeName: c.name, point, precise: true } };
  }
  return { ok: false, reason: "Lieu manquant : indiquez une commune (code INSEE), un code postal ou des coordonnées." };
}
