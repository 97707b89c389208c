// search.offers / search.formations (anyone, the public offers page included) and
// search.profiles (advisers and admins, inside what they may see). Inputs are lenient on the
// text (a 10,000-character paste is cut, not refused) and strict on everything else.

import { recordReads } from "../audit/record";
import { publicProcedure, roleProcedure, router } from "../trpc/init";
import { searchEngine } from "./engine";
import { placeSearchInput, profileSearchInput } from "./inputs";
import { profileScopeOf, resolveGeoFilter } from "./scope";

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
