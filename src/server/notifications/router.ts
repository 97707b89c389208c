import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, router } from "../trpc/init";
import { CATEGORY_NAMES, CHANNELS, FREQUENCIES, type Category } from "./categories";
import { markRead, myNotifications } from "./inbox";
import { messageSettings, saveMyPreference } from "./settings";
import { pushPublicKeyFromEnv } from "./push";
import { pushSubscriptionInput, subscribePush, unsubscribePush } from "./push-subscriptions";

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
  /** The VAPID public key browsers subscribe with; null when web push is not configured. */
  pushKey: authedProcedure.query(() => ({ publicKey: pushPublicKeyFromEnv() })),
  /** This browser accepts notifications for the caller (a browser already subscribed moves to them). */
  subscribe: authedProcedure.input(pushSubscriptionInput).mutation(async ({ ctx, input }) => {
    if (!pushPublicKeyFromEnv()) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Les notifications sur téléphone ne sont pas disponibles sur ce site." });
    }
    await subscribePush(ctx.db, ctx.user.id, input);
    return { ok: true };
  }),
  /** This browser stops receiving the caller's notifications (only the caller's own subscription). */
  unsubscribe: authedProcedure
    .input(z.object({ endpoint: z.string().min(1, "Adresse de notification invalide.").max(2048, "Adresse de notification invalide.") }))
    .mutation(async ({ ctx, input }) => ({ ok: await unsubscribePush(ctx.db, ctx.user.id, input.endpoint) })),
});
