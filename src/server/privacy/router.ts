import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc/init";
import { eraseOwnAccount, erasePersonByStaff, STAFF_ERASE_REASONS } from "./erase";
import { exportPersonalData } from "./export";

export const privacyRouter = router({
  /** Anyone signed in: everything the service keeps about them. */
  exportMine: authedProcedure.query(({ ctx }) => exportPersonalData(ctx.db, ctx.user.id)),
  /** A beneficiary erases their own account (staff accounts are closed by an admin). */
  eraseMine: roleProcedure("beneficiary", "employer", "training_org")
    .input(z.object({ password: z.string().min(1, "Indiquez votre mot de passe.").max(200) }))
    .mutation(async ({ ctx, input }) => {
      await eraseOwnAccount(ctx.db, ctx.user.id, input.password);
      return { erased: true };
    }),
  /**
   * An adviser erases a person they follow who has no account of their own (imported, or
   * created by an adviser and never activated); an admin any person. With a reason, audited.
   * A person out of the adviser's reach answers NOT_FOUND, like a missing one.
   */
  erasePerson: roleProcedure("adviser", "admin")
    .input(
      z.object({
        profileId: z.uuid("Identifiant de personne invalide."),
        reason: z.enum(STAFF_ERASE_REASONS, "Choisissez la raison de l'effacement."),
        confirm: z.literal(true, "Cochez la case pour confirmer l'effacement."),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await erasePersonByStaff(ctx.db, ctx.user, input.profileId, input.reason);
      return { erased: true };
    }),
});
