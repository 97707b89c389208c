import { z } from "zod";
import { recordReads } from "../audit/record";
import { authedProcedure, publicProcedure, roleProcedure, router } from "../trpc/init";
import { FieldErrors } from "../lib/field-errors";
import { consumeRateLimit, limitFailures, RATE_LIMITS } from "../ratelimit/limits";
import { deliverOutboxSoon } from "../notifications/delivery";
import { configuredSiteUrl } from "../lib/site-url";
import { revokeAllSessions } from "./sessions";
import {
  activateAccount,
  createBeneficiaryByAdviser,
  createStaffAccount,
  listUsers,
  reissueAccessCode,
  requestPasswordReset,
  requestSignInCode,
  setUserRole,
  setUserStatus,
  setUserTerritory,
} from "./accounts";
import {
  activateInput,
  passwordResetInput,
  createBeneficiaryInput,
  createStaffInput,
  listUsersInput,
  setRoleInput,
  setTerritoryInput,
  setUserStatusInput,
} from "./inputs";

const isWrongCode = (err: unknown) => err instanceof FieldErrors && "code" in err.fields;

export const authRouter = router({
  /** Anyone holding an access code from a letter (also the way back in after a forgotten password). */
  activate: publicProcedure
    .input(activateInput)
    .mutation(({ ctx, input }) =>
      limitFailures(ctx.db, RATE_LIMITS.activationFailure, ctx.ip, isWrongCode, () => activateAccount(ctx.db, input)),
    ),
  /**
   * Anyone: "mot de passe oublié". Same answer whether the account exists or not; the code
   * goes by e-mail and is used on the activation page.
   */
  requestPasswordReset: publicProcedure.input(passwordResetInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.passwordResetByAddress, ctx.ip);
    await consumeRateLimit(ctx.db, RATE_LIMITS.passwordResetByEmail, input.email);
    if (await requestPasswordReset(ctx.db, input.email, configuredSiteUrl())) deliverOutboxSoon(ctx.db);
    return { ok: true as const };
  }),
  /**
   * Anyone: "recevoir un code par e-mail" to sign in without the password (the owner's way in
   * whatever others typed). Same answer whether the account exists or not.
   */
  requestSignInCode: publicProcedure.input(passwordResetInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.signInCodeByAddress, ctx.ip);
    await consumeRateLimit(ctx.db, RATE_LIMITS.signInCodeByEmail, input.email);
    if (await requestSignInCode(ctx.db, input.email, configuredSiteUrl())) deliverOutboxSoon(ctx.db);
    return { ok: true as const };
  }),
  /** The signed-in person. */
  me: authedProcedure.query(({ ctx }) => ctx.user),
  /** The signed-in person ends every session of their account ("se déconnecter partout"). */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => ({
    ended: await revokeAllSessions(ctx.db, ctx.user.id, "sign_out_everywhere"),
  })),
});

export const accountsRouter = router({
  /** Advisers (and admins) create a beneficiary's account and get the code for the letter. */
  createBeneficiary: roleProcedure("adviser", "admin")
    .input(createBeneficiaryInput)
    .mutation(({ ctx, input }) => createBeneficiaryByAdviser(ctx.db, ctx.user, input)),
  reissueAccessCode: roleProcedure("adviser", "admin")
    .input(z.object({ userId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await consumeRateLimit(ctx.db, RATE_LIMITS.accessCodeIssue, ctx.user.id);
      return reissueAccessCode(ctx.db, ctx.user, input.userId);
    }),
  /** Admins create advisers, admins, employers and training organisations. */
  createStaff: roleProcedure("admin")
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaffAccount(ctx.db, ctx.user.id, input)),
  list: roleProcedure("admin")
    .input(listUsersInput)
    .query(async ({ ctx, input }) => {
      const page = await listUsers(ctx.db, input);
      await recordReads(ctx.db, ctx.user.id, "account.read_list", "user", page.users.map((u) => u.id), { source: "accounts.list" });
      return page;
    }),
  setStatus: roleProcedure("admin")
    .input(setUserStatusInput)
    .mutation(({ ctx, input }) => setUserStatus(ctx.db, ctx.user, input.userId, input.status)),
  /** An adviser's or admin's territory (null: the whole instance). */
  setTerritory: roleProcedure("admin")
    .input(setTerritoryInput)
    .mutation(({ ctx, input }) => setUserTerritory(ctx.db, ctx.user, input.userId, input.territoryCode)),
  /** Adviser ⇄ admin; an admin never changes their own role. */
  setRole: roleProcedure("admin")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input.userId, input.role)),
});
