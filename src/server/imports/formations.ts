// Import of training courses: one formation per line, updated by external_id.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { saveFormation, type FormationData } from "../formations/save";
import { SEATS_MAX, TITLE_MAX } from "../formations/limits";
import { formations } from "../formations/schema";
import { parseDate, parsePositiveInteger, parseText } from "./fields";
import { importHash, PLACE_COLUMNS, PLACE_REQUIREMENT, runImport, type ColumnSpec, type ImportOptions, type ImportReport } from "./run";

export const FORMATION_COLUMNS: ColumnSpec = {
  known: ["external_id", "provider_name", "title", "jobs", ...PLACE_COLUMNS, "starts_on", "ends_on", "seats"],
  required: ["external_id", "title", "starts_on"],
  anyOf: [PLACE_REQUIREMENT],
};

/** Provider written when the file names none. */
export const DEFAULT_PROVIDER = "Organisme de formation";

type ImportedFormation = Omit<FormationData, "providerUserId" | "description" | "status" | "importHash">;

export async function importFormations(db: Database, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  return runImport(db, text, FORMATION_COLUMNS, opts, async (line, externalId, ctx) => {
    const providerName = line.optional("provider_name", (v) => parseText(v, 200)) ?? DEFAULT_PROVIDER;
    const title = line.required("title", (v) => parseText(v, TITLE_MAX), "title manquant (intitulé de la formation)");
    const startsOn = line.required("starts_on", parseDate, "starts_on manquant (date de début, AAAA-MM-JJ)");
    const endsOn = line.optional("ends_on", parseDate);
    if (startsOn && endsOn && endsOn < startsOn) line.error(`ends_on (${endsOn}) est avant starts_on (${startsOn})`);
    const seats = line.optional("seats", (v) => parsePositiveInteger(v, SEATS_MAX));
    const place = await ctx.place(line);
    const jobs = (await ctx.jobCodes(line, "jobs", false)) ?? [];
    line.check();

    const data: ImportedFormation = {
      externalId,
      providerName,
      title: title!,
      romeCodes: [...new Set(jobs.map((j) => j.romeCode))].sort(),
      communeInsee: place!.insee,
      point: place!.point,
      startsOn: startsOn!,
      endsOn,
      seats,
    };
    const hash = importHash("formations", data);
    const [existing] = await db
      .select({ id: formations.id, importHash: formations.importHash })
      .from(formations)
      .where(eq(formations.externalId, externalId))
      .limit(1);
    if (existing?.importHash === hash) return "unchanged";
    if (ctx.dryRun) return existing ? "updated" : "created";

    const saved = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      // Kept from the platform: the provider's account, the description and the status.
      const [kept] = existing
        ? await tx
            .select({ providerUserId: formations.providerUserId, description: formations.description, status: formations.status })
            .from(formations)
            .where(eq(formations.id, existing.id))
        : [];
      return saveFormation(
        tx,
        {
          ...data,
          providerUserId: kept?.providerUserId ?? null,
          description: kept?.description ?? null,
          status: kept?.status ?? "published",
          importHash: hash,
        },
        existing?.id,
      );
    });
    return existing ? "updated" : { outcome: "created", id: saved.id };
  });
}
