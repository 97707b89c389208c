import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, router } from "../trpc/init";
import { markRead, myNotifications } from "./inbox";

const markReadInput = z.union([
  z.object({ id: z.uuid({ message: "Notification introuvable." }) }),
  z.object({ all: z.literal(true) }),
]);

/** In-app notifications: any signed-in user, only their own. */
export const notificationsRouter = router({
  /** The latest 50 (unread first) and the unread count. */
  mine: authedProcedure.query(({ ctx }) => myNotifications(ctx.db, ctx.user.id)),
  /** { id } marks one read, { all: true } all of them. */
  markRead: authedProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    const ok = await markRead(ctx.db, ctx.user.id, input);
    if (!ok) throw new TRPCError({ code: "NOT_FOUND", message: "Notification introuvable." });
    return { ok: true };
  }),
});
