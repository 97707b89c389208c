import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, router } from "../trpc/init";
import { CATEGORY_NAMES, CHANNELS, FREQUENCIES, type Category } from "./categories";
import { markRead, myNotifications } from "./inbox";
import { messageSettings, saveMyPreference } from "./settings";

const markReadInput = z.union([
  z.object({ id: z.uuid({ message: "Notification introuvable." }) }),
  z.object({ all: z.literal(true) }),
]);

const savePreferenceInput = z.object({
  category: z.enum(CATEGORY_NAMES as [Category, ...Category[]], { error: "Choisissez des messages de la liste." }),
  channels: z.array(z.enum(CHANNELS, { error: "Choisissez un moyen de la liste." })).max(CHANNELS.length),
  frequency: z.enum(FREQUENCIES, { error: "Choisissez quand recevoir ces messages." }),
});

/** In-app notifications and the choice of messages: any signed-in user, only their own. */
export const notificationsRouter = router({
  /** The latest 50 (unread first) and the unread count. */
  mine: authedProcedure.query(({ ctx }) => myNotifications(ctx.db, ctx.user.id)),
  /** { id } marks one read, { all: true } all of them. */
  markRead: authedProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    const ok = await markRead(ctx.db, ctx.user.id, input);
    if (!ok) throw new TRPCError({ code: "NOT_FOUND", message: "Notification introuvable." });
    return { ok: true };
  }),
  /** "Mes messages": each category of the caller's persona, what they chose, the channels they can pick. */
  preferences: authedProcedure.query(({ ctx }) => messageSettings(ctx.db, ctx.user)),
  /** One category's channels and frequency (only the caller's persona's categories; required ones keep e-mail). */
  savePreference: authedProcedure.input(savePreferenceInput).mutation(({ ctx, input }) => saveMyPreference(ctx.db, ctx.user, input)),
});
