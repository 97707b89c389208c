import { publicProcedure, roleProcedure, router } from "../trpc/init";
import { publicStatsInput, resolveFilters, statsInput } from "./period";
import { cachedPublicReport } from "./public-cache";
import { statsReport } from "./report";

export const statsRouter = router({
  /** The département's dashboard: any period up to 36 months, a territory or the whole instance, with caseloads. */
  dashboard: roleProcedure("admin")
    .input(statsInput)
    .query(async ({ ctx, input }) => statsReport(ctx.db, await resolveFilters(ctx.db, input), { withCaseloads: true, withOutreach: true })),

  /** The public statistics: the whole instance, closed months only, no caseloads, counts below 5 hidden so that no combination of answers gives one back (computed at most every 5 minutes). */
  public: publicProcedure.input(publicStatsInput).query(({ ctx, input }) => cachedPublicReport(ctx.db, input)),
});
