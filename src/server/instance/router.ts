import { asc } from "drizzle-orm";
import { publicProcedure, roleProcedure, router } from "../trpc/init";
import { loadInstanceConfig } from "../config/config";
import { territories } from "./schema";
import { instanceSettingsView, updateInstanceInput, updateInstanceSettings } from "./settings";

export const instanceRouter = router({
  /** What every page shows: the instance's name, colours, territories and exit reasons. */
  info: publicProcedure.query(async ({ ctx }) => {
    const config = loadInstanceConfig();
    const rows = await ctx.db.select().from(territories).orderBy(asc(territories.name));
    return {
      id: config.id,
      displayName: config.displayName,
      organisation: config.organisation,
      departements: config.departements,
      branding: config.branding,
      defaultTravelRadiusKm: config.defaultTravelRadiusKm,
      territories: rows,
      exitReasons: config.exitReasons,
      map: config.map,
      mobilityHelp: config.mobilityHelp,
    };
  }),
  /** Admin: the editable settings (effective, the file's defaults, who saved them last). */
  settings: roleProcedure("admin").query(({ ctx }) => instanceSettingsView(ctx.db)),
  /** Admin: saves changed sections over the instance file (refused if someone saved since the form was shown). */
  update: roleProcedure("admin")
    .input(updateInstanceInput)
    .mutation(({ ctx, input }) => updateInstanceSettings(ctx.db, ctx.user.id, input)),
});
