import { z } from "zod";
import { profileIdOfUser } from "../profiles/load";
import { roleProcedure, router } from "../trpc/init";
import { offerIdInput, publishFromFormInput, saveDraftInput, statusActionInput, updateInput } from "./inputs";
import { organisationOffers, offerDetail, offerForBeneficiary } from "./read";
import { changeStatus, duplicateOffer, publishFromForm, recordOfferView, saveDraft, updateOffer } from "./write";

const employer = roleProcedure("employer");
const beneficiary = roleProcedure("beneficiary");

export const offersRouter = router({
  /** The company's offers with their statistics (empty, organisation null, before the company is registered). */
  mine: employer.query(({ ctx }) => organisationOffers(ctx.db, ctx.user)),
  /** One of the company's offers: every field, version, statistics, the job's skills. */
  get: employer.input(offerIdInput).query(({ ctx, input }) => offerDetail(ctx.db, ctx.user, input.offerId)),
  /** Creates a draft, or saves a draft (incomplete is fine: a title or a job is enough). */
  saveDraft: employer.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input)),
  /** Saves the edits of an offer from the version the form loaded (CONFLICT when someone saved in between). */
  update: employer.input(updateInput).mutation(({ ctx, input }) => updateOffer(ctx.db, ctx.user, input)),
  /** "Publier l'offre" from the form: a new offer or a draft, with everything the matcher needs. */
  publishFromForm: employer.input(publishFromFormInput).mutation(({ ctx, input }) => publishFromForm(ctx.db, ctx.user, input)),
  /** Publishes a stored draft as it is. */
  publish: employer.input(statusActionInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input, "publish")),
  pause: employer.input(statusActionInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input, "pause")),
  resume: employer.input(statusActionInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input, "resume")),
  markFilled: employer.input(statusActionInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input, "markFilled")),
  close: employer.input(statusActionInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.user, input, "close")),
  /** A copy as a new draft (how a filled or closed offer is published again). */
  duplicate: employer.input(offerIdInput).mutation(({ ctx, input }) => duplicateOffer(ctx.db, ctx.user, input.offerId)),

  /** A beneficiary reads an open offer (or one they applied to or were proposed). */
  forBeneficiary: beneficiary
    .input(z.object({ offerId: z.uuid("Identifiant d'offre invalide.") }))
    .query(({ ctx, input }) => offerForBeneficiary(ctx.db, ctx.user.id, input.offerId)),
  /** Counts the caller's first view of an open offer (once per person). */
  recordView: beneficiary
    .input(z.object({ offerId: z.uuid("Identifiant d'offre invalide.") }))
    .mutation(async ({ ctx, input }) => recordOfferView(ctx.db, await profileIdOfUser(ctx.db, ctx.user.id), input.offerId)),
});
