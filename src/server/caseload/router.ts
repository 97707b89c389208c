import { z } from "zod";
import { recordReads } from "../audit/record";
import { profileForCaller } from "../profiles/access";
import { instanceToday } from "../config/time-zone";
import { roleProcedure, router } from "../trpc/init";
import { openFile } from "./file";
import { caseloadListScope, caseloadPage, PLACEMENT_STAGES, unassignedListScope } from "./list";
import { hiresToFollowFor, takeHireFollowUp } from "./hires-to-follow";
import { addNote, assignProfile, assignProfiles, countsByAdviser, MAX_BULK_ASSIGN, takeProfile, unassignedCounts } from "./manage";

const profileId = z.uuid("Identifiant de personne invalide.");
const percent = z.number().int().min(0, "Entre 0 et 100.").max(100, "Entre 0 et 100.");

const filters = z.object({
  query: z.string().trim().max(100, "100 caractères au plus.").optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
  /** admins only: advisers are held to their own caseload */
  territoryCode: z.string().trim().min(1).max(50).optional(),
  /** admins only: one adviser's caseload ("none" for the unassigned) */
  adviserId: z.union([z.uuid(), z.literal("none")]).optional(),
  inactiveDays: z.number().int().min(1, "Au moins 1 jour.").max(3650, "10 ans au plus.").optional(),
  completenessBelow: percent.optional(),
  completenessAtLeast: percent.optional(),
  stage: z.enum(PLACEMENT_STAGES).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(100_000).default(0),
  /** YYYY-MM-DD in the instance's time zone; defaults to today (tests pass a fixed day) */
  today: z.iso.date().optional(),
});

const staff = roleProcedure("adviser", "admin");
const admin = roleProcedure("admin");

function pageOf(input: z.output<typeof filters>) {
  return { today: input.today ?? instanceToday(), limit: input.limit, offset: input.offset };
}

/**
 * The adviser's caseload ("file active"), the territory's unassigned people, a person's
 * file (each opening audited) and private notes. An adviser reaches only their caseload and
 * their territory's unassigned people; an admin everyone.
 */
export const caseloadRouter = router({
  /** Adviser: the people they follow. Admin: everyone, or one adviser's caseload / a territory. */
  list: staff.input(filters).query(async ({ ctx, input }) => {
    const page = await caseloadPage(ctx.db, ...caseloadListScope(ctx.user, input), pageOf(input));
    await recordReads(ctx.db, ctx.user.id, "profile.read_list", "profile", page.items.map((i) => i.profileId), { source: "caseload.list" });
    return page;
  }),

  /** Adviser: their territory's people nobody follows yet. Admin: all unassigned (by territory filter). */
  unassigned: staff.input(filters).query(async ({ ctx, input }) => {
    const page = await caseloadPage(ctx.db, ...unassignedListScope(ctx.user, input), pageOf(input));
    await recordReads(ctx.db, ctx.user.id, "profile.read_list", "profile", page.items.map((i) => i.profileId), { source: "caseload.unassigned" });
    return page;
  }),

  /** Adviser: take an unassigned person of their territory (refused if someone took them first). */
  take: roleProcedure("adviser")
    .input(z.object({ profileId }))
    .mutation(async ({ ctx, input }) => takeProfile(ctx.db, ctx.user, input.profileId)),

  /** Hires of people nobody follows ("à prendre en suivi"): the adviser's territory's; an admin's, all. */
  hiresToFollow: staff.query(async ({ ctx }) => {
    const items = await hiresToFollowFor(ctx.db, ctx.user);
    await recordReads(ctx.db, ctx.user.id, "profile.read_list", "profile", items.map((i) => i.profileId), { source: "caseload.hiresToFollow" });
    return items;
  }),

  /** Adviser: "Je prends le suivi" of a hire of their territory (the person joins their caseload; refused if another adviser was first). */
  takeHire: roleProcedure("adviser")
    .input(z.object({ placementId: z.uuid("Identifiant d'embauche invalide.") }))
    .mutation(async ({ ctx, input }) => takeHireFollowUp(ctx.db, ctx.user, input.placementId)),

  /** Admin: give a person to an adviser, or back to the unassigned (null). */
  assign: admin
    .input(z.object({ profileId, adviserId: z.uuid("Choisissez un conseiller.").nullable() }))
    .mutation(async ({ ctx, input }) => assignProfile(ctx.db, ctx.user.id, input.profileId, input.adviserId)),

  /** Admin: give many people to an adviser (or back to the unassigned), all or nothing. */
  assignMany: admin
    .input(
      z.object({
        profileIds: z
          .array(profileId)
          .min(1, "Cochez au moins une personne.")
          .max(MAX_BULK_ASSIGN, `${MAX_BULK_ASSIGN} personnes au plus à la fois.`),
        adviserId: z.uuid("Choisissez un conseiller.").nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => assignProfiles(ctx.db, ctx.user.id, input.profileIds, input.adviserId)),

  /** Admin: caseload size per adviser, and the unassigned per territory. */
  countsByAdviser: admin.query(async ({ ctx }) => {
    const [advisers, unassigned] = await Promise.all([countsByAdviser(ctx.db), unassignedCounts(ctx.db)]);
    return { advisers, unassigned };
  }),

  /** A person's file; every opening is written to the audit log. Out of reach answers NOT_FOUND. */
  file: staff.input(z.object({ profileId })).query(async ({ ctx, input }) => {
    const id = await profileForCaller(ctx.db, ctx.user, input.profileId);
    return openFile(ctx.db, ctx.user, id);
  }),

  /** A private note on a person (advisers and admins only ever read it). */
  addNote: staff
    .input(
      z.object({
        profileId,
        body: z.string().trim().min(1, "Écrivez la note.").max(4000, "4 000 caractères au plus."),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const id = await profileForCaller(ctx.db, ctx.user, input.profileId);
      return addNote(ctx.db, ctx.user.id, id, input.body);
    }),
});
