import { z } from "zod";
import { ownProfileId, profileIdOfUser } from "../profiles/load";
import { roleProcedure, router } from "../trpc/init";
import { apply, myApplications, withdrawApplication } from "./domain";

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
  withdraw: beneficiary
    .input(z.object({ applicationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => withdrawApplication(ctx.db, await ownProfileId(ctx.db, ctx.user.id), input.applicationId)),
});
