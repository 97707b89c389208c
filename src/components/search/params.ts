// The public search lives in the URL (?q=cariste&commune=41018&rayon=10&contrat=cdi&domaine=N
// &page=2): the server renders the results from it, so the page works before (or without) the
// JavaScript, a reload keeps it and a link can be shared. Pure functions, used on both sides.
import { CONTRACTS, type Contract } from "@/components/ui/format";
import { ROME_LARGE_DOMAINS } from "./domains";

export type PublicSearch = {
  /** what the person typed, trimmed; "" = everything */
  q: string;
  /** INSEE code of the commune to search around */
  commune: string | null;
  /** km around the commune (only meaningful with a commune) */
  rayon: number;
  contrat: Contract | null;
  /** ROME large domain, one letter */
  domaine: string | null;
  /** how many pages of results are shown ("Voir plus" adds one) */
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 20;
/** "Voir plus" stops there: past 200 results, better words or filters help more than scrolling. */
export const MAX_PAGES = 10;
export const RADIUS_STEPS = [5, 10, 20, 30, 50] as const;
export const DEFAULT_RADIUS_KM = 20;
/** what the box sends at most; the engines cut at MAX_QUERY_CHARS anyway */
export const MAX_Q_CHARS = 200;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the URL; anything unknown or out of range is ignored rather than refused. */
export function parsePublicSearch(params: RawParams): PublicSearch {
  const q = (first(params.q) ?? "").trim().slice(0, MAX_Q_CHARS);
  const communeRaw = first(params.commune) ?? "";
  const commune = /^[0-9][0-9AB][0-9]{3}$/.test(communeRaw) ? communeRaw : null;
  const rayonRaw = Number(first(params.rayon));
  const rayon = (RADIUS_STEPS as readonly number[]).includes(rayonRaw) ? rayonRaw : DEFAULT_RADIUS_KM;
  const contratRaw = first(params.contrat);
  const contrat = CONTRACTS.includes(contratRaw as Contract) ? (contratRaw as Contract) : null;
  const domaineRaw = first(params.domaine);
  const domaine = domaineRaw && domaineRaw in ROME_LARGE_DOMAINS ? domaineRaw : null;
  const pageRaw = Number(first(params.page));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 ? Math.min(pageRaw, MAX_PAGES) : 1;
  return { q, commune, rayon, contrat, domaine, page };
}

/** The query string of a search (defaults left out), with a leading "?" or empty. */
export function publicSearchQuery(search: Partial<PublicSearch>): string {
  const p = new URLSearchParams();
  if (search.q) p.set("q", search.q);
  if (search.commune) {
    p.set("commune", search.commune);
    if (search.rayon && search.rayon !== DEFAULT_RADIUS_KM) p.set("rayon", String(search.rayon));
  }
  if (search.contrat) p.set("contrat", search.contrat);
  if (search.domaine) p.set("domaine", search.domaine);
  if (search.page && search.page > 1) p.set("page", String(search.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * The (limit, offset) calls that fetch the pages shown: the API gives at most `maxLimit` hits a
 * call, "Voir plus" shows everything up to the page asked for.
 */
export function pageCalls(page: number, maxLimit: number): { limit: number; offset: number }[] {
  const wanted = page * PAGE_SIZE;
  const calls: { limit: number; offset: number }[] = [];
  for (let offset = 0; offset < wanted; offset += maxLimit) calls.push({ limit: Math.min(maxLimit, wanted - offset), offset });
  return calls;
}
