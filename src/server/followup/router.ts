import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordReads } from "../audit/record";
import { listOutbox } from "../notifications/outbox";
import { createPlacementInput } from "./placement-inputs";
import { createPlacementByAdviser } from "./placements";
import type { SessionUser } from "../trpc/context";
import { roleProcedure, router } from "../trpc/init";
import { adviserFigures, dueLists, placementsOfProfile, recordCheckIn, type Scope } from "./checkins";
import { followupScopeInput, recordCheckInInput } from "./inputs";
import { instanceToday } from "../config/time-zone";

const staff = roleProcedure("adviser", "admin");

/** An adviser sees their own caseload; an admin everyone's, or one adviser's. */
function scopeFor(user: SessionUser, adviserId: string | null | undefined): Scope {
  if (user.role === "admin") return adviserId ? { adviserId } : { all: true };
  if (adviserId && adviserId !== user.id) throw new TRPCError({ code: "NOT_FOUND", message: "Conseiller introuvable." });
  return { adviserId: user.id };
}

/**
 * Placements and their six-month follow-up. Advisers reach only the people of their caseload
 * (profile.adviserId); admins anyone. Another adviser's person answers "introuvable".
 */
export const followupRouter = router({
  placementsOfProfile: staff
    .input(z.object({ profileId: z.uuid("Personne introuvable.") }))
    .query(async ({ ctx, input }) => {
      const result = await placementsOfProfile(ctx.db, ctx.user, input.profileId);
      await recordReads(ctx.db, ctx.user.id, "profile.read_placements", "profile", [result.profile.id], { source: "followup.placementsOfProfile" });
      return result;
    }),
  createPlacement: staff.input(createPlacementInput).mutation(({ ctx, input }) => createPlacementByAdviser(ctx.db, ctx.user, input)),
  recordCheckIn: staff.input(recordCheckInInput).mutation(({ ctx, input }) => recordCheckIn(ctx.db, ctx.user, input)),
  /** Pending check-ins due this week and overdue ("today" may be given to look at another day). */
  due: staff
    .input(followupScopeInput)
    .query(async ({ ctx, input }) => {
      const lists = await dueLists(ctx.db, scopeFor(ctx.user, input?.adviserId), input?.today ?? instanceToday());
      const people = [...lists.dueThisWeek, ...lists.overdue].map((i) => i.profileId);
      await recordReads(ctx.db, ctx.user.id, "profile.read_followup", "profile", people, { source: "followup.due" });
      return lists;
    }),
  figures: staff
    .input(followupScopeInput)
    .query(({ ctx, input }) => adviserFigures(ctx.db, scopeFor(ctx.user, input?.adviserId), input?.today ?? instanceToday())),
  /** The development outbox: e-mails queued (not delivered without SMTP); an adviser sees only those sent to them. */
  outbox: staff
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).optional())
    .query(({ ctx, input }) =>
      ctx.user.role === "admin" || ctx.user.email
        ? listOutbox(ctx.db, { toAddress: ctx.user.role === "admin" ? null : ctx.user.email, limit: input?.limit ?? 50 })
        : [],
    ),
});
