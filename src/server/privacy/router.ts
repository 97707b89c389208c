import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc/init";
import { eraseAccount, exportPersonalData } from "./domain";

export const privacyRouter = router({
  /** Anyone signed in: everything the service keeps about them. */
  exportMine: authedProcedure.query(({ ctx }) => exportPersonalData(ctx.db, ctx.user.id)),
  /** A beneficiary erases their own account (staff accounts are closed by an admin). */
  eraseMine: roleProcedure("beneficiary", "employer", "training_org")
    .input(z.object({ password: z.string().min(1, "Indiquez votre mot de passe.").max(200) }))
    .mutation(async ({ ctx, input }) => {
      await eraseAccount(ctx.db, ctx.user.id, input.password);
      return { erased: true };
    }),
});
