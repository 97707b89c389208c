import { roleProcedure, router } from "../trpc/init";
import { answerInput, formationIdInput, saveFormationInput } from "./inputs";
import {
  answerApplication,
  closeOwnFormation,
  formationApplicants,
  getOwnFormation,
  listOwnFormations,
  publishOwnFormation,
  saveOwnFormation,
} from "./manage";

/** Training organisations and companies manage their own organisation's formations (manage.ts scopes every call). */
const organisation = roleProcedure("training_org", "employer");

export const formationsRouter = router({
  /** create (no id) or update (id + version: CONFLICT when someone saved in between); `publish` publishes it too */
  save: organisation.input(saveFormationInput).mutation(({ ctx, input }) => saveOwnFormation(ctx.db, ctx.user, input)),
  publish: organisation.input(formationIdInput).mutation(({ ctx, input }) => publishOwnFormation(ctx.db, ctx.user, input.formationId)),
  close: organisation.input(formationIdInput).mutation(({ ctx, input }) => closeOwnFormation(ctx.db, ctx.user, input.formationId)),
  /** the organisation (null when the account has not registered one) and its formations with their counts */
  mine: organisation.query(({ ctx }) => listOwnFormations(ctx.db, ctx.user)),
  get: organisation.input(formationIdInput).query(({ ctx, input }) => getOwnFormation(ctx.db, ctx.user, input.formationId)),
  /** who applied, with their identity and CV (applying shares them with the organisation) */
  applicants: organisation.input(formationIdInput).query(({ ctx, input }) => formationApplicants(ctx.db, ctx.user, input.formationId)),
  answer: organisation.input(answerInput).mutation(({ ctx, input }) => answerApplication(ctx.db, ctx.user, input)),
});
