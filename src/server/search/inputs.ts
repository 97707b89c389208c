// What the search procedures accept: free text (cut, never refused up to a request body), a place, a radius, filters, paging.
import { z } from "zod";
import { CONTRACTS } from "../offers/schema";
import { MAX_LIMIT, MAX_QUERY_CHARS } from "./types";

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
