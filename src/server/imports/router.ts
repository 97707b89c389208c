import { z } from "zod";
import { roleProcedure, router } from "../trpc/init";
import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import { previewImportInput, previewImport, previewProgress, runCheckedImport, runImportInput } from "./browser";

const admin = roleProcedure("admin");

/** CSV imports from the admin pages, with the CLI's importers. */
export const importsRouter = router({
  /** A dry run: the report and the checksum to confirm with. A mutation because the file is the input. */
  preview: admin.input(previewImportInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.import, ctx.user.id);
    return previewImport(ctx.db, input.kind, input.text, input.progressId ? { userId: ctx.user.id, progressId: input.progressId } : undefined);
  }),
  /** How far the caller's running preview has gone: lines checked and total (null when unknown). */
  previewProgress: admin
    .input(z.object({ progressId: z.uuid("Identifiant de vérification invalide.") }))
    .query(({ ctx, input }) => previewProgress(ctx.user.id, input.progressId)),
  /** The real import of the previewed file (refused when the checksum differs). */
  run: admin.input(runImportInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit(ctx.db, RATE_LIMITS.import, ctx.user.id);
    return runCheckedImport(ctx.db, ctx.user.id, input);
  }),
});
