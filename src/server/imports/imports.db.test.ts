import { readFileSync } from "node:fs";
import { asc, eq, sql } from "drizzle-orm";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importCommand } from "../../cli/import-command";
import { queryRows, type DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { beneficiaryProfiles, profileJobs } from "../profiles/schema";
import { offers } from "../offers/schema";
import { organisations } from "../organisations/schema";
import { formations } from "../formations/schema";
import { SEATS_MAX } from "../formations/limits";
import { OFFER_TITLE_MAX, POSITIONS_MAX } from "../offers/limits";
import { FORMULA_REASON, ImportFileError, importCsv, type ImportReport } from "./index";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const reasonOf = (report: ImportReport, line: number) => report.rejected.find((r) => r.line === line)?.reason;

async function pointOf(table: "beneficiary_profiles" | "offers" | "formations", externalId: string) {
  const [row] = await queryRows<{ lat: number; lng: number }>(
    h.db,
    sql`select ST_Y(location::geometry)::float8 as lat, ST_X(location::geometry)::float8 as lng
        from ${sql.identifier(table)} where external_id = ${externalId}`,
  );
  return { lat: Number(row!.lat), lng: Number(row!.lng) };
}

async function count(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(row!.n);
}

async function snapshot() {
  const rows = await queryRows<Record<string, unknown>>(
    h.db,
    sql`select 'p' as t, external_id, updated_at::text as u, import_hash from beneficiary_profiles
        union all select 'o', external_id, updated_at::text, import_hash from offers
        union all select 'f', external_id, updated_at::text, import_hash from formations
        union all select 'e', siret, name, id::text from employers
        union all select 'j', profile_id::text || kind || rome_code || ogr_code, label, null from profile_jobs
        order by 1, 2, 3`,
  );
  return rows;
}

describe("an admin imports a caseload of beneficiaries", () => {
  const text = fixture("beneficiaries.csv");
  let report: ImportReport;

  it("a dry run checks every line but writes nothing", async () => {
    const dry = await importCsv(h.db, "beneficiaries", text, { dryRun: true });
    expect(dry.created).toBe(5);
    expect(dry.rejected).toHaveLength(7);
    expect(await count("beneficiary_profiles")).toBe(0);
  });

  it("the good lines land and each broken line is reported with its line number and why", async () => {
    report = await importCsv(h.db, "beneficiaries", text);
    expect(report.created).toBe(5);
    expect(report.updated).toBe(0);
    expect(report.unchanged).toBe(0);
    expect(report.rejected.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(reasonOf(report, 6)).toMatch(/Commune inconnue : code INSEE 99999/);
    expect(reasonOf(report, 7)).toMatch(/code postal 41120 correspond à 11 communes.*précisez le nom/);
    expect(reasonOf(report, 8)).toMatch(/ne sont pas en France/);
    expect(reasonOf(report, 9)).toMatch(/code métier inconnu du ROME : J9999/);
    expect(reasonOf(report, 10)).toMatch(/available_from : date impossible « 2025-02-30 »/);
    expect(reasonOf(report, 11)).toBe("external_id B001 déjà vu ligne 2");
    expect(reasonOf(report, 12)).toContain(FORMULA_REASON);
    expect(reasonOf(report, 12)).toContain("last_name");
  });

  it("a profile in Blois has its commune, point, jobs, skills and territory", async () => {
    const [p] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.externalId, "B001"));
    expect(p).toMatchObject({
      firstName: "Amina",
      lastName: "Diallo",
      email: "amina.diallo@example.org",
      phone: "+33612345678", // typed "06 12 34 56 78": stored in E.164
      communeInsee: "41018",
      preciseLocation: false,
      territoryCode: "blois",
      maxDistanceKm: 25,
      travelModes: ["bike", "public_transport"],
      drivingLicence: "none",
      hasVehicle: false,
      availableFrom: "2025-09-01",
      shifts: 5,
      seeking: true,
      visibleToEmployers: true,
      skillCodes: [107663, 107747],
      romeCodes: ["J1501"],
      largeDomains: ["J"],
    });
    const point = await pointOf("beneficiary_profiles", "B001");
    expect(point.lat).toBeCloseTo(47.5817, 3);
    expect(point.lng).toBeCloseTo(1.30626, 3);
    const jobs = await h.db
      .select({ kind: profileJobs.kind, romeCode: profileJobs.romeCode, ogrCode: profileJobs.ogrCode, label: profileJobs.label })
      .from(profileJobs)
      .where(eq(profileJobs.profileId, p!.id))
      .orderBy(asc(profileJobs.ogrCode));
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toMatchObject({ kind: "sought", romeCode: "J1501", ogrCode: 0 });
    expect(jobs[1]).toMatchObject({ kind: "sought", romeCode: "J1501", ogrCode: 10891, label: "Aide-soignant / Aide-soignante" });
    const [points] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from profile_match_points where profile_id = ${p!.id}`,
    );
    expect(Number(points!.n)).toBe(1); // visible and seeking: the matcher can see it
  });

  it("a postcode shared by many communes resolves with the commune name; defaults fill the rest", async () => {
    const rows = await h.db.select().from(beneficiaryProfiles).orderBy(asc(beneficiaryProfiles.externalId));
    const by = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(by.B002).toMatchObject({ communeInsee: "41269", territoryCode: "vendome", drivingLicence: "B", hasVehicle: true, shifts: 3 });
    expect(by.B002!.maxDistanceKm).toBe(20); // the instance's default travel limit
    expect(by.B002!.romeCodes).toEqual(["J1501"]);
    expect(by.B003).toMatchObject({
      communeInsee: "41147",
      drivingLicence: "in_progress",
      availableFrom: "2025-10-01",
      visibleToEmployers: false,
      shifts: 1,
      skillCodes: [100063],
    });
    expect(by.B004).toMatchObject({ communeInsee: "41194", preciseLocation: true, territoryCode: "romorantin", travelModes: ["walk"] });
    expect(await pointOf("beneficiary_profiles", "B004")).toEqual({ lat: 47.36, lng: 1.75 });
    expect(by.B011).toMatchObject({ phone: "+33698765432", communeInsee: "41194", visibleToEmployers: false });
    expect(Object.keys(by).sort()).toEqual(["B001", "B002", "B003", "B004", "B011"]);
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await snapshot();
    const again = await importCsv(h.db, "beneficiaries", text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: report.created });
    expect(again.rejected).toEqual(report.rejected);
    expect(await snapshot()).toEqual(before);
  });

  it("a changed line updates its profile only, keeping what the file does not carry", async () => {
    const [b3] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.externalId, "B003"));
    // Linked to an account and an adviser since the first import.
    const userId = "00000000-0000-4000-8000-000000000001";
    await h.db.update(beneficiaryProfiles).set({ userId, about: "Disponible tout de suite" }).where(eq(beneficiaryProfiles.id, b3!.id));
    const changed = text.replace("B003;Julie;Martin;;;;41120;Les Montils;;;J1501;100063;15;", "B003;Julie;Martin;;;;41120;Les Montils;;;J1501;100063;35;");
    expect(changed).not.toBe(text);
    const before = await snapshot();

    const dry = await importCsv(h.db, "beneficiaries", changed, { dryRun: true });
    expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(await snapshot()).toEqual(before);

    const r = await importCsv(h.db, "beneficiaries", changed);
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const [after] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.externalId, "B003"));
    expect(after).toMatchObject({ id: b3!.id, maxDistanceKm: 35, userId, about: "Disponible tout de suite" });
    expect(after!.updatedAt.getTime()).toBeGreaterThan(b3!.updatedAt.getTime());
    expect(await count("beneficiary_profiles")).toBe(5);
  });

  it("a file without a required column is refused as a whole", async () => {
    const noId = "first_name;commune_insee;jobs\nAmina;41018;J1501\n";
    await expect(importCsv(h.db, "beneficiaries", noId)).rejects.toThrow(ImportFileError);
    await expect(importCsv(h.db, "beneficiaries", noId)).rejects.toThrow(/external_id/);
    const noPlace = "external_id,jobs\nB100,J1501\n";
    await expect(importCsv(h.db, "beneficiaries", noPlace)).rejects.toThrow(/commune_insee, postcode ou latitude et longitude/);
  });

  it("a comma-separated file without BOM works the same", async () => {
    const r = await importCsv(h.db, "beneficiaries", "jobs,commune_insee,external_id,last_name\n10891,41018,B200,Nguyen\n");
    expect(r).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [], createdIds: [expect.any(String)] });
    const [p] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.externalId, "B200"));
    expect(r.createdIds).toEqual([p!.id]);
    expect(p).toMatchObject({ lastName: "Nguyen", firstName: "", communeInsee: "41018", visibleToEmployers: false, seeking: true });
  });
});

describe("an admin imports partners' offers", () => {
  const text = fixture("offers.csv");
  let report: ImportReport;

  it("imports the good offers and reports the broken ones", async () => {
    report = await importCsv(h.db, "offers", text);
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([5, 6, 7, 8]);
    expect(reasonOf(report, 5)).toMatch(/employer_siret : SIRET invalide « 73282932000075 »/);
    expect(reasonOf(report, 6)).toMatch(/expires_on \(2025-09-01\) est avant starts_on \(2025-10-01\)/);
    expect(reasonOf(report, 7)).toMatch(/radius_km : 0 km hors limites/);
    expect(reasonOf(report, 7)).toMatch(/positions : 0 : un nombre supérieur à 0/);
    expect(reasonOf(report, 8)).toMatch(/code métier inconnu du ROME : 999999/);
  });

  it("two offers with the same SIRET share one employer", async () => {
    const rows = await h.db
      .select({ externalId: offers.externalId, employerId: offers.employerId, siret: organisations.siret, name: organisations.name })
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.employerId))
      .orderBy(asc(offers.externalId));
    expect(rows.map((r) => r.externalId)).toEqual(["O001", "O002", "O003"]);
    expect(rows[0]!.employerId).toBe(rows[1]!.employerId);
    expect(rows[0]).toMatchObject({ siret: "73282932000074", name: "EHPAD Les Tilleuls" });
    expect(rows[2]).toMatchObject({ siret: null, name: "Mairie de Romorantin" });
    expect(await count("employers")).toBe(2);
  });

  it("stores the offer's job, title, contract, place and defaults", async () => {
    const rows = await h.db.select().from(offers).orderBy(asc(offers.externalId));
    const by = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(by.O001).toMatchObject({
      title: "Aide-soignant / Aide-soignante", // the job's label when the file gives no title
      romeCode: "J1501",
      ogrCode: 0,
      communeInsee: "41018",
      radiusKm: 30,
      contract: "cdi",
      hoursPerWeek: 35,
      shifts: 3,
      positions: 2,
      startsOn: "2025-10-01",
      expiresOn: "2025-12-31",
      requiredSkills: [107663, 107747],
      status: "published",
    });
    expect(by.O002).toMatchObject({
      title: "Aide-soignant de nuit",
      ogrCode: 10891,
      communeInsee: "41269",
      radiusKm: 20,
      contract: "interim",
      hoursPerWeek: 24.5,
      shifts: 2,
      licenceRequired: true,
      vehicleRequired: false,
      positions: 1,
    });
    expect(by.O003).toMatchObject({ title: "Agent de service, polyvalent", communeInsee: "41194", contract: "insertion", radiusKm: 15 });
    const point = await pointOf("offers", "O003");
    expect(point.lat).toBeCloseTo(47.37452, 3);
  });

  it("re-importing writes nothing; a changed line updates one offer", async () => {
    const before = await snapshot();
    const again = await importCsv(h.db, "offers", text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(before);

    const changed = text.replace("2025-11-01,,107663", "2025-11-15,,107663");
    const r = await importCsv(h.db, "offers", changed);
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [o2] = await h.db.select().from(offers).where(eq(offers.externalId, "O002"));
    expect(o2!.startsOn).toBe("2025-11-15");
    expect(await count("offers")).toBe(3);
  });

  it("holds a line to the offer form's limits: more positions than the form allows is rejected, saying why", async () => {
    const head = "external_id;employer_name;job;commune_insee;starts_on;positions;hours_per_week;title\n";
    const line = (id: string, positions: number, hours = "35", title = "Aide-soignant") =>
      `${id};EHPAD Limite;J1501;41018;2025-10-01;${positions};${hours};${title}\n`;
    const csv =
      head +
      line("L1", POSITIONS_MAX) +
      line("L2", POSITIONS_MAX + 1) +
      line("L3", 100_000) +
      line("L4", 1, "0,5") +
      line("L5", 1, "35", "x".repeat(OFFER_TITLE_MAX + 1));
    const r = await importCsv(h.db, "offers", csv, { dryRun: true });
    expect(r).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5, 6]);
    expect(reasonOf(r, 3)).toBe(`positions : ${POSITIONS_MAX + 1} : nombre trop grand (${POSITIONS_MAX} au plus)`);
    expect(reasonOf(r, 4)).toMatch(/positions : 100000 : nombre trop grand \(999 au plus\)/);
    expect(reasonOf(r, 5)).toMatch(/hours_per_week : 0,5 h par semaine hors limites \(entre 1 et 48\)/);
    expect(reasonOf(r, 6)).toMatch(/title : texte trop long \(151 caractères, 150 au plus\)/);
  });

  it("an offer file without a job column is refused", async () => {
    await expect(importCsv(h.db, "offers", "external_id;employer_name;commune_insee;starts_on\nO9;X;41018;2025-10-01\n")).rejects.toThrow(
      /manquante : job\./,
    );
  });
});

describe("an admin imports formations", () => {
  const text = fixture("formations.csv");

  it("a dry run writes nothing", async () => {
    const dry = await importCsv(h.db, "formations", text, { dryRun: true });
    expect(dry).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await count("formations")).toBe(0);
  });

  it("imports the good formations and reports the broken ones", async () => {
    const r = await importCsv(h.db, "formations", text);
    expect(r).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5, 6]);
    expect(reasonOf(r, 4)).toMatch(/ends_on \(2025-09-01\) est avant starts_on/);
    expect(reasonOf(r, 5)).toMatch(/seats : -3 : un nombre supérieur à 0/);
    expect(reasonOf(r, 6)).toMatch(/title manquant/);
    const rows = await h.db.select().from(formations).orderBy(asc(formations.externalId));
    expect(rows[0]).toMatchObject({
      externalId: "F001",
      providerName: "IFSI de Blois",
      romeCodes: ["J1501"],
      communeInsee: "41018",
      startsOn: "2025-09-15",
      endsOn: "2026-06-30",
      seats: 12,
      status: "published",
    });
    expect(rows[1]).toMatchObject({ externalId: "F002", providerName: "Organisme de formation", romeCodes: [], communeInsee: "41194", seats: null });
  });

  it("holds a line to the formation form's limits: more seats than the form allows is rejected", async () => {
    const csv =
      "external_id;title;commune_insee;starts_on;seats\n" +
      `S1;Formation pleine;41018;2025-10-01;${SEATS_MAX}\n` +
      `S2;Formation trop grande;41018;2025-10-01;${SEATS_MAX + 1}\n`;
    const r = await importCsv(h.db, "formations", csv, { dryRun: true });
    expect(r).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(r.rejected).toEqual([{ line: 3, reason: `seats : ${SEATS_MAX + 1} : nombre trop grand (${SEATS_MAX} au plus)` }]);
  });

  it("re-importing changes nothing", async () => {
    const before = await snapshot();
    expect(await importCsv(h.db, "formations", text)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the import command line", () => {
  it("prints only the JSON report on standard output, logs on standard error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "import-"));
    const file = path.join(dir, "formations.csv");
    writeFileSync(file, "\uFEFFexternal_id;title;commune_insee;starts_on\nF900;Cariste;41018;2025-10-01\nF901;=1+1;41018;2025-10-01\n");
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string, cb?: () => void) => {
      out.push(String(chunk));
      cb?.();
      return true;
    }) as typeof process.stdout.write);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string) => {
      err.push(String(chunk));
      return true;
    }) as typeof process.stderr.write);
    try {
      await importCommand(h.db, "formations", file, true);
      await importCommand(h.db, "formations", file, false);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(out).toHaveLength(2);
    const [dry, real] = out.map((o) => JSON.parse(o) as ImportReport);
    const rejected = [{ line: 3, reason: `${FORMULA_REASON} — colonne title` }];
    // a dry run creates nothing, so it names no created row; the real run does
    expect(dry).toEqual({ created: 1, updated: 0, unchanged: 0, rejected, createdIds: [] });
    expect(real).toEqual({ ...dry, createdIds: [expect.any(String)] });
    expect(err.join("")).toMatch(/simulation/);
    const [f] = await h.db.select().from(formations).where(eq(formations.externalId, "F900"));
    expect(real!.createdIds).toEqual([f!.id]);
    expect(f).toMatchObject({ title: "Cariste", providerName: "Organisme de formation" });
  });

  it("a missing file is named", async () => {
    await expect(importCommand(h.db, "offers", "/nulle/part.csv", false)).rejects.toThrow("Fichier introuvable : /nulle/part.csv");
  });

  it("an unknown kind is refused", async () => {
    await expect(importCommand(h.db, "employeurs", "/nulle/part.csv", false)).rejects.toThrow(/Type d'import inconnu : employeurs/);
  });
});
