import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { offerForCaller } from "../offers/access";
import { roleProcedure, router } from "../trpc/init";
import type { SessionUser } from "../trpc/context";
import { DISTANCE_BAND_MESSAGE, isDistanceBand } from "./bands";
import { candidateIdInput } from "./handles";
import { profileOfCandidate, viewerFor } from "./quota";
import { loadOffer } from "./relations";
import { candidateForOffer, rankedCandidates } from "./candidates";
import { DECLINE_REASONS } from "./decline-reasons";
import { EMPLOYER_STATUSES, inboxForOffer, offerOfApplication, recordHire, setApplicationStatus, undoHire } from "./inbox";

const offerId = z.uuid("Identifiant d'offre invalide.");
const employer = roleProcedure("employer");
/** the first day of work the employer gives a hire (default today) */
const startsOn = z.iso.date("Indiquez la date d'embauche (jour, mois, année).").nullish();

/** An application of the caller's company (another company's answers as a missing one). */
async function ownApplication(ctx: { db: Parameters<typeof loadOffer>[0]; user: SessionUser }, applicationId: string) {
  await offerForCaller(ctx.db, ctx.user, await offerOfApplication(ctx.db, applicationId)).catch((err: unknown) => {
    // another company's application answers as a missing one, in the inbox's words
    if (err instanceof TRPCError && err.code === "NOT_FOUND") {
      throw new TRPCError({ code: "NOT_FOUND", message: "Candidature introuvable." });
    }
    throw err;
  });
}

/** The offer's employer (after offerForCaller), to know who pays the candidates quota. */
async function viewerOf(ctx: { db: Parameters<typeof loadOffer>[0]; user: SessionUser }, offerId: string) {
  return viewerFor(ctx.user, (await loadOffer(ctx.db, offerId)).employerId);
}

/**
 * An employer's side of recruiting, always for an offer of their own company (any recruiter
 * of it); another company's offer answers as a missing one.
 */
export const recruitingRouter = router({
  /**
   * Ranked, pseudonymised candidates for a published offer (advisers and admins see the same
   * cards). Distances are bands from the commune's point, the radius one of DISTANCE_BANDS,
   * and what an organisation (or an adviser, outside their reach) sees a day is bounded
   * (see quota.ts).
   */
  candidates: roleProcedure("employer", "adviser", "admin")
    .input(
      z.object({
        offerId,
        maxDistanceKm: z
          .number("Indiquez une distance en kilomètres.")
          .refine(isDistanceBand, DISTANCE_BAND_MESSAGE)
          .optional(),
        licence: z.boolean().optional(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      await offerForCaller(ctx.db, ctx.user, input.offerId);
      return rankedCandidates(
        ctx.db,
        await viewerOf(ctx, input.offerId),
        input.offerId,
        { maxDistanceKm: input.maxDistanceKm, licence: input.licence },
        input.limit,
      );
    }),

  /** One candidate: pseudonymised, or identity and full CV once they applied to the company or accepted its request. */
  candidate: employer.input(z.object({ offerId, candidateId: candidateIdInput })).query(async ({ ctx, input }) => {
    await offerForCaller(ctx.db, ctx.user, input.offerId);
    const profileId = profileOfCandidate(input.offerId, input.candidateId);
    const view = await candidateForOffer(ctx.db, await viewerOf(ctx, input.offerId), input.offerId, profileId, { markSeen: true });
    if (view.identity) {
      // a read of a person's file by a company: kept in the audit trail
      await recordAudit(ctx.db, {
        actorId: ctx.user.id,
        action: "candidate.view_identity",
        subjectType: "profile",
        subjectId: profileId,
        details: { offerId: input.offerId, grantedBy: view.grantedBy },
      });
    }
    return view;
  }),

  /** The offer's applications; opening it marks the new ones as read. */
  inbox: employer.input(z.object({ offerId })).query(async ({ ctx, input }) => {
    await offerForCaller(ctx.db, ctx.user, input.offerId);
    return inboxForOffer(ctx.db, input.offerId, { markSeen: true });
  }),

  /** Interview, hire (records the placement) or decline (with a reason code). */
  setStatus: employer
    .input(
      z.object({
        applicationId: z.uuid("Identifiant de candidature invalide."),
        status: z.enum(EMPLOYER_STATUSES, "Choisissez une réponse."),
        reason: z.enum(DECLINE_REASONS, "Choisissez la raison du refus.").nullish(),
        startsOn,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ownApplication(ctx, input.applicationId);
      return setApplicationStatus(ctx.db, ctx.user.id, input);
    }),

  /** Undoes a hire within 24 hours: the placement goes, the application is back where it was. */
  undoHire: employer
    .input(z.object({ applicationId: z.uuid("Identifiant de candidature invalide.") }))
    .mutation(async ({ ctx, input }) => {
      await ownApplication(ctx, input.applicationId);
      return undoHire(ctx.db, ctx.user.id, input.applicationId);
    }),

  /** Hires a person who accepted the company's contact request without applying to this offer. */
  recordHire: employer.input(z.object({ offerId, candidateId: candidateIdInput, startsOn })).mutation(async ({ ctx, input }) => {
    await offerForCaller(ctx.db, ctx.user, input.offerId);
    return recordHire(ctx.db, ctx.user.id, input.offerId, profileOfCandidate(input.offerId, input.candidateId), input.startsOn ?? null);
  }),
});
