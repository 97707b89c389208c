import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { profileForCaller } from "../profiles/access";
import { offerForCaller } from "../offers/access";
import { profileIdOfUser } from "../profiles/load";
import { roleProcedure, router } from "../trpc/init";
import { FieldErrors } from "../lib/field-errors";
import { profileOfCandidate } from "../recruiting/quota";
import { candidateIdInput } from "../recruiting/handles";
import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import type { Context, SessionUser } from "../trpc/context";
import { answerProposal, apply, createProposal, myApplications, myProposals, withdrawApplication } from "./domain";

const message = z.string().trim().max(1000, "1 000 caractères au plus.").nullish();
/** a contact request or a suggestion: a few words, optional */
const shortMessage = z.string().trim().max(500, "500 caractères au plus.").nullish();

/** The signed-in beneficiary's own profile id (they must have started their CV). */
async function ownProfileId(ctx: Context & { user: SessionUser }): Promise<string> {
  const id = await profileIdOfUser(ctx.db, ctx.user.id);
  if (!id) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Commencez par remplir votre CV." });
  return id;
}

const beneficiary = roleProcedure("beneficiary");

export const applicationsRouter = router({
  applyToOffer: beneficiary
    .input(z.object({ offerId: z.uuid(), message }))
    .mutation(async ({ ctx, input }) => apply(ctx.db, await ownProfileId(ctx), { offerId: input.offerId }, input.message ?? null)),
  applyToFormation: beneficiary
    .input(z.object({ formationId: z.uuid(), message }))
    .mutation(async ({ ctx, input }) =>
      apply(ctx.db, await ownProfileId(ctx), { formationId: input.formationId }, input.message ?? null),
    ),
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return id ? myApplications(ctx.db, id) : [];
  }),
  withdraw: beneficiary
    .input(z.object({ applicationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => withdrawApplication(ctx.db, await ownProfileId(ctx), input.applicationId)),
});

export const proposalsRouter = router({
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return id ? myProposals(ctx.db, id) : [];
  }),
  answer: beneficiary
    .input(z.object({ proposalId: z.uuid(), accept: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      answerProposal(ctx.db, await ownProfileId(ctx), input.proposalId, input.accept, ctx.user.id),
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
