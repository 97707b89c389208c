import { asc } from "drizzle-orm";
import { publicProcedure, router } from "../trpc/init";
import { loadInstanceConfig } from "./config";
import { territories } from "./schema";

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
    };
  }),
});
