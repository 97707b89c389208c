import { z } from "zod";
import { ownProfileId, profileIdOfUser } from "../profiles/load";
import { roleProcedure, router } from "../trpc/init";
import { profileForCaller } from "../profiles/access";
import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import { AGREEMENT_MISSING, apply, myApplications, prescribe, withdrawApplication } from "./domain";

const message = z.string().trim().max(1000, "1 000 caractères au plus.").nullish();

const beneficiary = roleProcedure("beneficiary");

export const applicationsRouter = router({
  applyToOffer: beneficiary
    .input(z.object({ offerId: z.uuid(), message }))
    .mutation(async ({ ctx, input }) => apply(ctx.db, await ownProfileId(ctx.db, ctx.user.id), { offerId: input.offerId }, input.message ?? null)),
  applyToFormation: beneficiary
    .input(z.object({ formationId: z.uuid(), message }))
    .mutation(async ({ ctx, input }) =>
      apply(ctx.db, await ownProfileId(ctx.db, ctx.user.id), { formationId: input.formationId }, input.message ?? null),
    ),
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return id ? myApplications(ctx.db, id) : [];
  }),
  /**
   * Adviser (for a person of their caseload; an admin for anyone): applies for the person to a
   * published offer, with the person's agreement ticked ("La personne est d'accord").
   */
  prescribe: roleProcedure("adviser", "admin")
    .input(
      z.object({
        profileId: z.uuid("Identifiant de personne invalide."),
        offerId: z.uuid("Choisissez une offre."),
        message,
        agreement: z.boolean({ error: AGREEMENT_MISSING }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const profileId = await profileForCaller(ctx.db, ctx.user, input.profileId);
      await consumeRateLimit(ctx.db, RATE_LIMITS.prescription, ctx.user.id);
      return prescribe(ctx.db, ctx.user, { profileId, offerId: input.offerId, message: input.message ?? null, agreement: input.agreement });
    }),
  withdraw: beneficiary
    .input(z.object({ applicationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => withdrawApplication(ctx.db, await ownProfileId(ctx.db, ctx.user.id), input.applicationId)),
});
