import { z } from "zod";
import { roleProcedure, router } from "../trpc/init";
import { offerForCaller, profileForCaller } from "./access";
import { matchCandidatesForOffer, matchFormationsForBeneficiary, matchOffersForBeneficiary } from "./queries";

const limit = z.number().int().min(1).max(100);

export const matchingRouter = router({
  /** Employers (their own offers), advisers and admins: ranked, pseudonymous candidates. */
  candidatesForOffer: roleProcedure("employer", "adviser", "admin")
    .input(z.object({ offerId: z.uuid("Identifiant d'offre invalide."), limit: limit.default(50) }))
    .query(async ({ ctx, input }) => {
      const offerId = await offerForCaller(ctx.db, ctx.user, input.offerId);
      const items = await matchCandidatesForOffer(ctx.db, offerId, input.limit);
      // The département's own identifiers are not the employer's business.
      return ctx.user.role === "employer" ? items.map((i) => ({ ...i, externalId: null })) : items;
    }),
  /** A beneficiary (their own profile), or an adviser/admin for a profile they follow. */
  offersForBeneficiary: roleProcedure("beneficiary", "adviser", "admin")
    .input(z.object({ profileId: z.uuid().optional(), limit: limit.default(20) }))
    .query(async ({ ctx, input }) =>
      matchOffersForBeneficiary(ctx.db, await profileForCaller(ctx.db, ctx.user, input.profileId), input.limit),
    ),
  formationsForBeneficiary: roleProcedure("beneficiary", "adviser", "admin")
    .input(z.object({ profileId: z.uuid().optional(), limit: limit.default(20) }))
    .query(async ({ ctx, input }) =>
      matchFormationsForBeneficiary(ctx.db, await profileForCaller(ctx.db, ctx.user, input.profileId), input.limit),
    ),
});
