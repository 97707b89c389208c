// The filters and view of the offers and formations pages live in the URL (?distance=10
// &contrat=cdi&temps=plein&vue=carte): the server renders them, they survive a reload and a
// link can be shared with an adviser. Pure functions, used on both sides.
import { CONTRACTS, type Contract } from "@/components/ui/format";

export type Hours = "plein" | "partiel";
export type View = "liste" | "carte";

export type OfferSearch = {
  /** closer than the person's own limit; null = up to their limit */
  distance: number | null;
  contract: Contract | null;
  hours: Hours | null;
  view: View;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The distance choices below the person's limit, then the limit itself. */
export function distanceSteps(limitKm: number): number[] {
  const limit = Math.max(1, Math.round(limitKm));
  return [...[5, 10, 20, 30, 50].filter((s) => s < limit), limit];
}

/** Reads the URL; anything unknown or out of range is ignored rather than refused. */
export function parseOfferSearch(params: RawParams, limitKm: number): OfferSearch {
  const distanceRaw = Number(first(params.distance));
  const distance =
    Number.isInteger(distanceRaw) && distanceRaw >= 1 && distanceRaw < Math.round(limitKm) ? distanceRaw : null;
  const contractRaw = first(params.contrat);
  const contract = CONTRACTS.includes(contractRaw as Contract) ? (contractRaw as Contract) : null;
  const hoursRaw = first(params.temps);
  const hours = hoursRaw === "plein" || hoursRaw === "partiel" ? hoursRaw : null;
  return { distance, contract, hours, view: parseView(params) };
}

export function parseView(params: RawParams): View {
  return first(params.vue) === "carte" ? "carte" : "liste";
}

/** The query string of a search (defaults left out), with a leading "?" or empty. */
export function searchQuery(search: Partial<OfferSearch>): string {
  const q = new URLSearchParams();
  if (search.distance) q.set("distance", String(search.distance));
  if (search.contract) q.set("contrat", search.contract);
  if (search.hours) q.set("temps", search.hours);
  if (search.view === "carte") q.set("vue", "carte");
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The matcher's filters for a search. */
export function offerFilters(search: OfferSearch): {
  maxDistanceKm?: number;
  contracts?: Contract[];
  hours?: "part" | "full";
} {
  return {
    ...(search.distance ? { maxDistanceKm: search.distance } : {}),
    ...(search.contract ? { contracts: [search.contract] } : {}),
    ...(search.hours ? { hours: search.hours === "plein" ? "full" : "part" } : {}),
  };
}
