import { publicProcedure, router } from "../trpc/init";
import { FieldErrors } from "../lib/field-errors";
import { configuredSiteUrl } from "../lib/site-url";
import { deliverOutboxSoon } from "../notifications/delivery";
import { consumeRateLimit, limitFailures, RATE_LIMITS } from "../ratelimit/limits";
import { lookUpSiretForForm } from "../organisations/company-directory";
import { confirmSignUpInput, lookupSiretInput, signUpInput } from "./inputs";
import { confirmSignUp, requestSignUp } from "./sign-up";

const isWrongCode = (err: unknown) => err instanceof FieldErrors && "code" in err.fields;

/** Served under `auth.` (auth.signUp, auth.confirmSignUp) next to the other account procedures. */
export const signUpRouter = router({
  /**
   * Anyone: a beneficiary, an employer or a training organisation asks for an account; a code
   * goes to the address. The same answer whether the address already has an account or not.
   */
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.signUp, ctx.ip);
    await consumeRateLimit(ctx.db, RATE_LIMITS.signUpByEmail, input.email);
    await requestSignUp(ctx.db, input, configuredSiteUrl());
    deliverOutboxSoon(ctx.db);
    return { ok: true as const };
  }),
  /**
   * Anyone (the sign-up form, an account registering its organisation): the establishment of a
   * SIRET in the State's company directory, to prefill name, address and activity. "closed"
   * is said now; "unreachable" or "disabled" means the person types the details.
   */
  lookupSiret: publicProcedure.input(lookupSiretInput).query(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.siretLookup, ctx.ip);
    return lookUpSiretForForm(ctx.db, input.siret);
  }),
  /** Anyone holding the code e-mailed at sign-up: the account is created. */
  confirmSignUp: publicProcedure
    .input(confirmSignUpInput)
    .mutation(({ ctx, input }) =>
      limitFailures(ctx.db, RATE_LIMITS.signUpCodeFailure, ctx.ip, isWrongCode, () => confirmSignUp(ctx.db, input.email, input.code)),
    ),
});
