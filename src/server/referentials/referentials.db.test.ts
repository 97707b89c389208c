import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { queryRows } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { readFileSync } from "node:fs";
import path from "node:path";
import { searchText } from "../lib/text";
import { DATA_DIR, importReferenceData } from "./import";
import {
  communeByInsee,
  communesByPostcode,
  jobTitleDetails,
  nearestCommune,
  resolveJobCodes,
  searchCommunes,
  searchJobTitles,
} from "./queries";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const LOCAL = { departements: ["41"] };

describe("communes typed by a person", () => {
  it.each([
    ["blois", "41018"],
    ["Blois", "41018"],
    ["41000", "41018"],
    ["vendome", "41269"],
    ["VENDÔME", "41269"],
    ["romorantin", "41194"],
    ["romo", "41194"],
  ])("%s finds the commune %s first", async (typed, insee) => {
    const hits = await searchCommunes(h.db, typed, LOCAL);
    expect(hits[0]?.insee).toBe(insee);
  });

  it("matches the start of any word of the name", async () => {
    const hits = await searchCommunes(h.db, "lanthenay", LOCAL);
    expect(hits.map((c) => c.insee)).toContain("41194");
  });

  it("forgives a typo when nothing starts that way", async () => {
    const hits = await searchCommunes(h.db, "romoratin", LOCAL);
    expect(hits[0]?.insee).toBe("41194");
  });

  it("lists every commune sharing a postcode prefix, local ones first", async () => {
    const hits = await searchCommunes(h.db, "411", { ...LOCAL, limit: 50 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((c) => c.postcodes.some((p) => p.startsWith("411")))).toBe(true);
  });

  it("lists every commune of a shared postcode, the one it is named after first, then alphabetically", async () => {
    const expected = readFileSync(path.join(DATA_DIR, "communes.csv"), "utf8")
      .split("\n")
      .filter((line) => line.split(";")[3]?.split(",").includes("41100")).length;
    expect(expected).toBeGreaterThanOrEqual(25);
    // the picker asks for 10: a full postcode gives them all the same
    const hits = await searchCommunes(h.db, "41100", { ...LOCAL, limit: 10 });
    expect(hits).toHaveLength(expected);
    expect(hits[0]?.name).toBe("Vendôme");
    expect(hits.every((c) => c.postcodes.includes("41100"))).toBe(true);
    const rest = hits.slice(1).map((c) => searchText(c.name));
    expect(rest).toEqual([...rest].sort());
    expect(hits.map((c) => c.name)).toEqual(expect.arrayContaining(["Areines", "Villiers-sur-Loir", "Naveil"]));
  });

  it.each([
    ["blos", "41018"],
    ["bloi", "41018"],
    ["vendmoe", "41269"],
    ["romoratin", "41194"],
  ])("forgives a typo at the start of the name: %s reaches %s", async (typed, insee) => {
    const hits = await searchCommunes(h.db, typed, LOCAL);
    expect(hits.slice(0, 3).map((c) => c.insee)).toContain(insee);
  });

  it("returns the point of the commune", async () => {
    const blois = await communeByInsee(h.db, "41018");
    expect(blois).toMatchObject({ name: "Blois", departement: "41", postcodes: ["41000"] });
    expect(blois!.lat).toBeCloseTo(47.5817, 4);
    expect(blois!.lng).toBeCloseTo(1.30626, 4);
  });

  it("finds the communes of a shared postcode", async () => {
    const hits = await communesByPostcode(h.db, "41120");
    expect(hits.length).toBeGreaterThan(1);
  });

  it("finds the nearest commune of a position", async () => {
    const near = await nearestCommune(h.db, { lat: 47.5825, lng: 1.3055 });
    expect(near?.insee).toBe("41018");
    expect(near!.distanceKm).toBeLessThan(1);
  });

  it("treats wildcards as plain text, not as 'anything'", async () => {
    expect(await searchCommunes(h.db, "%%", LOCAL)).toEqual([]);
    expect(await searchCommunes(h.db, "__", LOCAL)).toEqual([]);
  });
});

describe("job titles typed by a person", () => {
  it("'aide soi' offers Aide-soignant / Aide-soignante", async () => {
    const hits = await searchJobTitles(h.db, "aide soi");
    expect(hits.map((t) => t.label)).toContain("Aide-soignant / Aide-soignante");
    expect(hits.find((t) => t.label === "Aide-soignant / Aide-soignante")?.romeCode).toBe("J1501");
  });

  it("ignores accents and case", async () => {
    const hits = await searchJobTitles(h.db, "MACON");
    expect(hits.some((t) => t.label.startsWith("Maçon"))).toBe(true);
  });

  it("forgives a typo", async () => {
    const hits = await searchJobTitles(h.db, "boulenger");
    expect(hits.some((t) => /boulanger/i.test(t.label))).toBe(true);
  });

  it("a job title lists its job sheet's skills", async () => {
    const details = await jobTitleDetails(h.db, 10891);
    expect(details?.romeCode).toBe("J1501");
    const labels = details!.skills.map((s) => s.label);
    expect(labels).toContain("Réaliser ou contrôler les soins d'hygiène, de confort et apporter une aide au patient");
    expect(details!.softSkills.map((s) => s.label)).toContain("Avoir l'esprit d'équipe");
    expect(details!.knowledge.length).toBeGreaterThan(0);
  });

  it("resolves ROME codes and job-title codes, ignoring unknown ones", async () => {
    const resolved = await resolveJobCodes(h.db, ["J1501", "10891", "Z9999", "999999999"]);
    expect(resolved.get("J1501")?.romeCode).toBe("J1501");
    expect(resolved.get("10891")?.romeCode).toBe("J1501");
    expect(resolved.has("Z9999")).toBe(false);
    expect(resolved.has("999999999")).toBe(false);
  });
});

describe("reference import", () => {
  it("is idempotent: a second and a forced import change no count", async () => {
    const count = async () =>
      (
        await queryRows<{ c: number; t: number; s: number; l: number; p: number }>(
          h.db,
          sql`select (select count(*) from communes)::int c, (select count(*) from rome_job_titles)::int t,
            (select count(*) from rome_skills)::int s, (select count(*) from rome_job_skills)::int l,
            (select count(*) from commune_postcodes)::int p`,
        )
      )[0];
    const before = await count();
    expect(before).toMatchObject({ c: 34874 });
    const again = await importReferenceData(h.db);
    expect(again.communes.skipped).toBe(true);
    expect(again.rome.skipped).toBe(true);
    await importReferenceData(h.db, { force: true });
    expect(await count()).toEqual(before);
  }, 300_000); // a forced reload rewrites 200,000 rows: a minute or more on PGlite
});
