// Where a search looks: around a point (the person's home, a commune, a given point) and, for
// profiles, among the people the caller may see.
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import type { SessionUser } from "../trpc/context";
import { DEFAULT_RADIUS_KM, type PlaceSearchInput } from "./inputs";
import type { GeoFilter, ProfileScope } from "./types";

/** The point and radius to search around, or none. `home` needs a signed-in beneficiary with a profile. */
export async function resolveGeoFilter(
  db: Database,
  user: SessionUser | null,
  input: Pick<PlaceSearchInput, "near" | "radiusKm">,
): Promise<GeoFilter | undefined> {
  const { near: place, radiusKm } = input;
  if (!place) return undefined;
  if ("home" in place) {
    if (!user || user.role !== "beneficiary") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Connectez-vous avec votre compte pour chercher autour de chez vous." });
    }
    const [home] = await queryRows<{ lat: number; lng: number; max_km: number }>(
      db,
      sql`select ST_Y(location::geometry) as lat, ST_X(location::geometry) as lng, max_distance_km as max_km
          from beneficiary_profiles where user_id = ${user.id} limit 1`,
    );
    if (!home) throw new TRPCError({ code: "NOT_FOUND", message: "Votre profil n'est pas encore rempli : indiquez votre commune." });
    return { lat: Number(home.lat), lng: Number(home.lng), radiusKm: radiusKm ?? clampRadius(Number(home.max_km)) };
  }
  if ("communeInsee" in place) {
    const [commune] = await queryRows<{ lat: number; lng: number }>(
      db,
      sql`select ST_Y(location::geometry) as lat, ST_X(location::geometry) as lng from communes where insee = ${place.communeInsee}`,
    );
    if (!commune) throw new TRPCError({ code: "NOT_FOUND", message: "Commune inconnue." });
    return { lat: Number(commune.lat), lng: Number(commune.lng), radiusKm: radiusKm ?? DEFAULT_RADIUS_KM };
  }
  return { lat: place.lat, lng: place.lng, radiusKm: radiusKm ?? DEFAULT_RADIUS_KM };
}

function clampRadius(km: number): number {
  return Number.isFinite(km) ? Math.min(200, Math.max(1, km)) : DEFAULT_RADIUS_KM;
}

/** An adviser sees their caseload and their territory's unassigned people; an admin everyone. */
export function profileScopeOf(user: SessionUser): ProfileScope {
  return user.role === "admin" ? { all: true } : { adviserId: user.id, territoryCode: user.territoryCode };
}
