// Proposals: an organisation asks to contact a candidate (by the handle its offer's list gave),
// an adviser suggests an offer; the person sees and answers them. Served as `proposals.*`.
import { z } from "zod";
import { createProposal, myProposals } from "../applications/domain";
import { answerContactRequest } from "./contact-answers";
import { FieldErrors } from "../lib/field-errors";
import { offerForCaller } from "../offers/access";
import { profileForCaller } from "../profiles/access";
import { ownProfileId, profileIdOfUser } from "../profiles/load";
import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import { roleProcedure, router } from "../trpc/init";
import { candidateIdInput } from "./handles";
import { profileOfCandidate } from "./quota";

const beneficiary = roleProcedure("beneficiary");
/** a contact request or a suggestion: a few words, optional */
const shortMessage = z.string().trim().max(500, "500 caractères au plus.").nullish();

export const proposalsRouter = router({
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return id ? myProposals(ctx.db, id) : [];
  }),
  answer: beneficiary
    .input(z.object({ proposalId: z.uuid(), accept: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      answerContactRequest(ctx.db, await ownProfileId(ctx.db, ctx.user.id), input.proposalId, input.accept, ctx.user.id),
    ),
  /**
   * An employer asks to contact a candidate for an offer of their company (any recruiter of
   * it; another company's offer answers as a missing one), naming the candidate by the handle
   * the offer's list gave (`candidateId`; another offer's handle answers as a missing
   * candidate); an adviser suggests an offer to a person they follow (`profileId`).
   */
  create: roleProcedure("employer", "adviser")
    .input(
      z.object({
        profileId: z.uuid("Identifiant de candidat invalide.").optional(),
        candidateId: candidateIdInput.optional(),
        offerId: z.uuid("Identifiant d'offre invalide."),
        message: shortMessage,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      let profileId: string;
      if (ctx.user.role === "employer") {
        await offerForCaller(ctx.db, ctx.user, input.offerId);
        if (!input.candidateId) throw new FieldErrors({ candidateId: ["Identifiant de candidat invalide."] });
        profileId = profileOfCandidate(input.offerId, input.candidateId);
      } else {
        if (!input.profileId) throw new FieldErrors({ profileId: ["Identifiant de candidat invalide."] });
        profileId = await profileForCaller(ctx.db, ctx.user, input.profileId);
      }
      await consumeRateLimit(ctx.db, RATE_LIMITS.contactRequest, ctx.user.id);
      return createProposal(
        ctx.db,
        { kind: ctx.user.role === "employer" ? "employer" : "adviser", userId: ctx.user.id },
        { profileId, offerId: input.offerId, message: input.message ?? null },
      );
    }),
});
