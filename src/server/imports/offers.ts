// Import of partners' job offers: one offer per line, updated by external_id; the employer is
// found by SIRET (or by name) and created when new.
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { upsertEmployer } from "../organisations/employers";
import { saveOffer, type OfferData } from "../offers/save";
import { OFFER_TITLE_MAX, POSITIONS_MAX, RADIUS_MAX_KM, RADIUS_MIN_KM } from "../offers/limits";
import { offers } from "../offers/schema";
import {
  parseContract,
  parseDate,
  parseDistanceKm,
  parseHoursPerWeek,
  parsePositiveInteger,
  parseShifts,
  parseSiret,
  parseText,
  parseYesNo,
} from "./fields";
import { importHash, PLACE_COLUMNS, PLACE_REQUIREMENT, runImport, type ColumnSpec, type ImportOptions, type ImportReport } from "./run";

export const OFFER_COLUMNS: ColumnSpec = {
  known: [
    "external_id",
    "employer_siret",
    "employer_name",
    "title",
    "job",
    "required_skills",
    ...PLACE_COLUMNS,
    "radius_km",
    "contract",
    "hours_per_week",
    "shifts",
    "licence_required",
    "vehicle_required",
    "positions",
    "starts_on",
    "expires_on",
  ],
  required: ["external_id", "job", "starts_on"],
  anyOf: [
    { sets: [["employer_siret"], ["employer_name"]], label: "employer_siret ou employer_name (l'employeur)" },
    PLACE_REQUIREMENT,
  ],
};

/** Contract written when the file has none. */
export const DEFAULT_CONTRACT = "cdi" as const;

/** What the file decides about an offer (the employer as given, not yet its id). */
type ImportedOffer = Omit<OfferData, "employerId" | "description" | "wishedSkills" | "createdBy" | "status" | "importHash"> & {
  employer: { siret: string | null; name: string | null };
};

export async function importOffers(db: Database, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const config = loadInstanceConfig();
  return runImport(db, text, OFFER_COLUMNS, opts, async (line, externalId, ctx) => {
    const siret = line.optional("employer_siret", parseSiret);
    const employerName = line.optional("employer_name", (v) => parseText(v, 200));
    if (siret === null && employerName === null && !line.text("employer_siret")) {
      line.error("employeur manquant : indiquez employer_siret ou employer_name");
    }
    const title = line.optional("title", (v) => parseText(v, OFFER_TITLE_MAX));
    const radiusKm = line.optional("radius_km", (v) => parseDistanceKm(v, { min: RADIUS_MIN_KM, max: RADIUS_MAX_KM })) ?? config.defaultTravelRadiusKm;
    const contract = line.optional("contract", parseContract) ?? DEFAULT_CONTRACT;
    const hoursPerWeek = line.optional("hours_per_week", parseHoursPerWeek);
    const shifts = line.optional("shifts", parseShifts) ?? 1;
    const licenceRequired = line.optional("licence_required", parseYesNo) ?? false;
    const vehicleRequired = line.optional("vehicle_required", parseYesNo) ?? false;
    const positions = line.optional("positions", (v) => parsePositiveInteger(v, POSITIONS_MAX)) ?? 1;
    const startsOn = line.required("starts_on", parseDate, "starts_on manquant (date de début, AAAA-MM-JJ)");
    const expiresOn = line.optional("expires_on", parseDate);
    if (startsOn && expiresOn && expiresOn < startsOn) {
      line.error(`expires_on (${expiresOn}) est avant starts_on (${startsOn})`);
    }
    const place = await ctx.place(line);
    const jobs = await ctx.jobCodes(line, "job", true);
    if (jobs && jobs.length > 1) line.error("job : un seul métier par offre");
    const requiredSkills = await ctx.skillCodes(line, "required_skills");
    line.check();

    const job = jobs![0]!;
    const data: ImportedOffer = {
      externalId,
      employer: { siret, name: employerName },
      title: title ?? job.label,
      romeCode: job.romeCode,
      ogrCode: job.ogrCode,
      requiredSkills: [...requiredSkills].sort((a, b) => a - b),
      communeInsee: place!.insee,
      point: place!.point,
      radiusKm,
      contract,
      hoursPerWeek,
      shifts,
      licenceRequired,
      vehicleRequired,
      positions,
      startsOn: startsOn!,
      expiresOn,
    };
    const hash = importHash("offers", data);
    const [existing] = await db
      .select({ id: offers.id, importHash: offers.importHash })
      .from(offers)
      .where(eq(offers.externalId, externalId))
      .limit(1);
    if (existing?.importHash === hash) return "unchanged";
    if (ctx.dryRun) return existing ? "updated" : "created";

    const saved = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const employerId = await upsertEmployer(tx, {
        siret,
        // Only used when the employer is new; a known SIRET keeps its recorded name.
        name: employerName ?? `Employeur SIRET ${siret}`,
      });
      // What the file does not carry is kept: description, wished skills, author, and the
      // status (an offer closed or filled on the platform is not reopened by a re-import).
      const [kept] = existing
        ? await tx
            .select({
              description: offers.description,
              wishedSkills: offers.wishedSkills,
              createdBy: offers.createdBy,
              status: offers.status,
            })
            .from(offers)
            .where(eq(offers.id, existing.id))
        : [];
      const { employer: _employer, ...offer } = data;
      return saveOffer(
        tx,
        {
          ...offer,
          employerId,
          description: kept?.description ?? null,
          wishedSkills: kept?.wishedSkills ?? [],
          createdBy: kept?.createdBy ?? null,
          status: kept?.status ?? "published",
          importHash: hash,
        },
        existing?.id,
      );
    });
    return existing ? "updated" : { outcome: "created", id: saved.id };
  });
}
