import { z } from "zod";
import { recordReads } from "../audit/record";
import { roleProcedure, router } from "../trpc/init";
import { CONTRACTS } from "../offers/schema";
import { offerSummaries } from "../offers/summaries";
import { formationSummaries } from "../formations/summaries";
import { offerForCaller } from "../offers/access";
import { profileForCaller } from "../profiles/access";
import { rankingForStaff } from "./staff-ranking";
import { matchFormationsForBeneficiary, matchOffersForBeneficiary, offersFurther } from "./queries";

const limit = z.number().int().min(1).max(100);

export const matchingRouter = router({
  /**
   * Advisers and admins: the raw ranking (profile ids and the département's identifiers).
   * An adviser gets only the people they may see (their caseload and their territory's
   * unassigned people), with their rank in the whole list. Employers get pseudonymised cards
   * from `recruiting.candidates` instead.
   */
  candidatesForOffer: roleProcedure("adviser", "admin")
    .input(z.object({ offerId: z.uuid("Identifiant d'offre invalide."), limit: limit.default(50) }))
    .query(async ({ ctx, input }) => {
      const offerId = await offerForCaller(ctx.db, ctx.user, input.offerId);
      const items = await rankingForStaff(ctx.db, ctx.user, offerId, input.limit);
      await recordReads(ctx.db, ctx.user.id, "profile.read_ranking", "profile", items.map((i) => i.id), { source: "matching.candidatesForOffer" });
      return items;
    }),
  /** A beneficiary (their own profile), or an adviser/admin for a profile they follow. */
  offersForBeneficiary: roleProcedure("beneficiary", "adviser", "admin")
    .input(
      z.object({
        profileId: z.uuid().optional(),
        limit: limit.default(20),
        maxDistanceKm: z.number().min(1).max(200).optional(),
        contracts: z.array(z.enum(CONTRACTS)).max(CONTRACTS.length).optional(),
        hours: z.enum(["part", "full"]).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const profileId = await profileForCaller(ctx.db, ctx.user, input.profileId);
      const items = await matchOffersForBeneficiary(ctx.db, profileId, input.limit, input);
      // offers ranked around the person's home, with distances: a read of their data when staff asks
      if (ctx.user.role !== "beneficiary") {
        await recordReads(ctx.db, ctx.user.id, "profile.read_matches", "profile", [profileId], { source: "matching.offersForBeneficiary" });
      }
      const summaries = await offerSummaries(ctx.db, items.map((i) => i.id));
      return items.map((i) => ({ ...i, offer: summaries.get(i.id)! }));
    }),
  /**
   * The person's own: how many offers wait a bit beyond their travel limit ("12 offres entre
   * 10 et 30 km"), for the page that finds none within it; null when none within 100 km.
   */
  offersFurther: roleProcedure("beneficiary")
    .input(
      z.object({
        contracts: z.array(z.enum(CONTRACTS)).max(CONTRACTS.length).optional(),
        hours: z.enum(["part", "full"]).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const profileId = await profileForCaller(ctx.db, ctx.user);
      return offersFurther(ctx.db, profileId, input);
    }),
  formationsForBeneficiary: roleProcedure("beneficiary", "adviser", "admin")
    .input(z.object({ profileId: z.uuid().optional(), limit: limit.default(20) }))
    .query(async ({ ctx, input }) => {
      const profileId = await profileForCaller(ctx.db, ctx.user, input.profileId);
      const items = await matchFormationsForBeneficiary(ctx.db, profileId, input.limit);
      if (ctx.user.role !== "beneficiary") {
        await recordReads(ctx.db, ctx.user.id, "profile.read_matches", "profile", [profileId], { source: "matching.formationsForBeneficiary" });
      }
      const summaries = await formationSummaries(ctx.db, items.map((i) => i.id));
      return items.map((i) => ({ ...i, formation: summaries.get(i.id)! }));
    }),
});
