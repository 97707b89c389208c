import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import { roleProcedure, router } from "../trpc/init";
import { addRecruiterInput, memberInput, registerOrganisationInput, updateOrganisationInput } from "./inputs";
import { organisationStats, myOrganisation, registerForAccount, updateOrganisation } from "./organisations";
import { addRecruiter, reissueRecruiterCode, removeRecruiter } from "./recruiters";

// Companies (employer accounts) and training organisations (training_org accounts): each
// account belongs to one organisation; its owner edits it and manages its members. Callers
// only ever see their own organisation.
export const organisationsRouter = router({
  /** The caller's organisation with its members, or null before it is registered. */
  mine: roleProcedure("employer", "training_org").query(({ ctx }) => myOrganisation(ctx.db, ctx.user)),
  /** An account without an organisation (created by an admin) registers it with its SIRET. */
  register: roleProcedure("employer", "training_org")
    .input(registerOrganisationInput)
    .mutation(async ({ ctx, input }) => {
      await registerForAccount(ctx.db, ctx.user, input);
      return myOrganisation(ctx.db, ctx.user);
    }),
  /** Owner only: name, commune, street address. */
  update: roleProcedure("employer", "training_org")
    .input(updateOrganisationInput)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.user, input)),
  /** Owner only: a pending account in the organisation and its one-time access code. */
  addRecruiter: roleProcedure("employer", "training_org")
    .input(addRecruiterInput)
    .mutation(({ ctx, input }) => addRecruiter(ctx.db, ctx.user, input)),
  /** Owner only: a new code for a member who has not activated their account yet. */
  reissueRecruiterCode: roleProcedure("employer", "training_org")
    .input(memberInput)
    .mutation(async ({ ctx, input }) => {
      await consumeRateLimit(ctx.db, RATE_LIMITS.accessCodeIssue, ctx.user.id);
      return reissueRecruiterCode(ctx.db, ctx.user, input.userId);
    }),
  /** Owner only, never themselves: disables the account and removes it from the organisation. */
  removeRecruiter: roleProcedure("employer", "training_org")
    .input(memberInput)
    .mutation(({ ctx, input }) => removeRecruiter(ctx.db, ctx.user, input.userId)),
  /** Totals over the company's offers: by status, views, applications, hires (null before registration). */
  stats: roleProcedure("employer").query(({ ctx }) => organisationStats(ctx.db, ctx.user)),
});
