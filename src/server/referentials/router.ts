import { z } from "zod";
import { loadInstanceConfig } from "../config/config";
import { publicProcedure, router } from "../trpc/init";
import {
  communeByInsee,
  jobTitleDetails,
  nearestCommune,
  searchCommunes,
  searchJobTitles,
  searchSkills,
} from "./queries";

// Reference data is open data (INSEE, ROME): anyone may read it, including a person who is
// filling in the sign-up form.
const queryText = z.string().trim().max(100, "Recherche trop longue (100 caractères au plus).");
const limit = z.number().int().min(1).max(50).default(10);

export const referentialsRouter = router({
  searchCommunes: publicProcedure
    .input(z.object({ q: queryText, limit }))
    .query(({ ctx, input }) =>
      searchCommunes(ctx.db, input.q, { limit: input.limit, departements: loadInstanceConfig().departements }),
    ),
  commune: publicProcedure
    .input(z.object({ insee: z.string().regex(/^[0-9AB]{5}$/, "Code INSEE invalide.") }))
    .query(({ ctx, input }) => communeByInsee(ctx.db, input.insee)),
  nearestCommune: publicProcedure
    .input(z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }))
    .query(({ ctx, input }) => nearestCommune(ctx.db, input)),
  searchJobTitles: publicProcedure
    .input(z.object({ q: queryText, limit }))
    .query(({ ctx, input }) => searchJobTitles(ctx.db, input.q, input.limit)),
  jobTitle: publicProcedure
    .input(z.object({ ogrCode: z.number().int().positive().max(9_999_999, "Code OGR inconnu.") }))
    .query(({ ctx, input }) => jobTitleDetails(ctx.db, input.ogrCode)),
  searchSkills: publicProcedure
    .input(z.object({ q: queryText, limit: z.number().int().min(1).max(50).default(20) }))
    .query(({ ctx, input }) => searchSkills(ctx.db, input.q, input.limit)),
});
