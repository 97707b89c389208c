import "server-only";
import type { serverCaller } from "@/lib/trpc/server";
import { MAX_LIMIT, type FormationHit, type OfferHit, type SearchResult } from "@/server/search/types";
import { pageCalls } from "./params";

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type OffersInput = Parameters<Caller["search"]["offers"]>[0];
type FormationsInput = Parameters<Caller["search"]["formations"]>[0];

/** Every hit up to `page` pages (the API answers at most MAX_LIMIT a call): "Voir plus" without JavaScript. */
async function pages<Hit>(
  page: number,
  call: (paging: { limit: number; offset: number }) => Promise<SearchResult<Hit>>,
): Promise<SearchResult<Hit>> {
  const results = await Promise.all(pageCalls(page, MAX_LIMIT).map(call));
  const [head] = results;
  return { ...head!, hits: results.flatMap((r) => r.hits) };
}

export function searchOfferPages(caller: Caller, input: Omit<OffersInput, "limit" | "offset">, page: number): Promise<SearchResult<OfferHit>> {
  return pages(page, (paging) => caller.search.offers({ ...input, ...paging }));
}

export function searchFormationPages(
  caller: Caller,
  input: Omit<FormationsInput, "limit" | "offset">,
  page: number,
): Promise<SearchResult<FormationHit>> {
  return pages(page, (paging) => caller.search.formations({ ...input, ...paging }));
}
