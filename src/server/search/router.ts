// search.offers / search.formations (anyone, the public offers page included) and
// search.profiles (advisers and admins, inside what they may see). Inputs are lenient on the
// text (a 10,000-character paste is cut, not refused) and strict on everything else.

import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordReads } from "../audit/record";
import { queryRows, type Database } from "../db/client";
import { CONTRACTS } from "../offers/schema";
import { publicProcedure, roleProcedure, router } from "../trpc/init";
import type { SessionUser } from "../trpc/context";
import { searchEngine } from "./engine";
import { MAX_LIMIT, MAX_QUERY_CHARS, type GeoFilter, type ProfileScope } from "./types";

/** What a person may paste: longer is refused (a request body, not a query), up to it is cut to MAX_QUERY_CHARS. */
export const MAX_INPUT_CHARS = 10_000;
export const DEFAULT_RADIUS_KM = 30;

const text = z
  .string({ error: "La recherche doit être un texte." })
  .max(MAX_INPUT_CHARS, { error: `La recherche ne peut dépasser ${MAX_INPUT_CHARS} caractères.` })
  .transform((s) => s.slice(0, MAX_QUERY_CHARS));

const near = z.union([
  z.object({ communeInsee: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, { error: "Code commune INSEE invalide." }) }),
  z.object({
    lat: z.number({ error: "Latitude invalide." }).min(-90, { error: "Latitude invalide." }).max(90, { error: "Latitude invalide." }),
    lng: z.number({ error: "Longitude invalide." }).min(-180, { error: "Longitude invalide." }).max(180, { error: "Longitude invalide." }),
  }),
  z.object({ home: z.literal(true) }),
], { error: "Lieu invalide : une commune, un point ou votre domicile." });

const paging = {
  limit: z
    .number({ error: "Nombre de résultats invalide." })
    .int({ error: "Nombre de résultats invalide." })
    .min(1, { error: "Au moins un résultat." })
    .max(MAX_LIMIT, { error: `Au plus ${MAX_LIMIT} résultats par page.` })
    .optional(),
  offset: z
    .number({ error: "Position invalide." })
    .int({ error: "Position invalide." })
    .min(0, { error: "Position invalide." })
    .max(10_000, { error: "Position trop lointaine : précisez la recherche." })
    .optional(),
};

const domain = z.string().regex(/^[A-N]$/, { error: "Domaine professionnel invalide." });

export const placeSearchInput = z.object({
  q: text.default(""),
  near: near.optional(),
  radiusKm: z
    .number({ error: "Distance invalide." })
    .min(1, { error: "La distance doit être d'au moins 1 km." })
    .max(200, { error: "La distance ne peut dépasser 200 km." })
    .optional(),
  contracts: z.array(z.enum(CONTRACTS, { error: "Type de contrat inconnu." })).max(CONTRACTS.length).optional(),
  domains: z.array(domain).max(14).optional(),
  ...paging,
});
export type PlaceSearchInput = z.infer<typeof placeSearchInput>;

export const profileSearchInput = z.object({ q: text.default(""), ...paging });

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

export const searchRouter = router({
  offers: publicProcedure.input(placeSearchInput).query(async ({ ctx, input }) => {
    const near = await resolveGeoFilter(ctx.db, ctx.user, input);
    const engine = await searchEngine(ctx.db);
    return engine.searchOffers({ text: input.q, near, contracts: input.contracts, domains: input.domains, limit: input.limit, offset: input.offset });
  }),
  formations: publicProcedure.input(placeSearchInput.omit({ contracts: true })).query(async ({ ctx, input }) => {
    const near = await resolveGeoFilter(ctx.db, ctx.user, input);
    const engine = await searchEngine(ctx.db);
    return engine.searchFormations({ text: input.q, near, domains: input.domains, limit: input.limit, offset: input.offset });
  }),
  profiles: roleProcedure("adviser", "admin").input(profileSearchInput).query(async ({ ctx, input }) => {
    const engine = await searchEngine(ctx.db);
    const result = await engine.searchProfiles({ text: input.q, limit: input.limit, offset: input.offset }, profileScopeOf(ctx.user));
    await recordReads(ctx.db, ctx.user.id, "profile.read_search", "profile", result.hits.map((h) => h.id), { source: "search.profiles" });
    return result;
  }),
});
