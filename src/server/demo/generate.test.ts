import { isLuhnValid } from "../lib/luhn";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../lib/random";
import { TRAVEL_LIMITS } from "./generate";
import {
  DEMO_JOBS,
  FORMATION_TEMPLATES,
  communeSampler,
  generateFormation,
  generateOffer,
  generateProfile,
  generateSiret,
  jitterPoint,
  parseRomeJobSkills,
  type CommunePlace,
} from "./generate";
import { haversineKm } from "../geo/distance";

const ROME_DIR = path.resolve(process.cwd(), "data/rome");
const rome = parseRomeJobSkills({
  jobs: readFileSync(path.join(ROME_DIR, "unix_referentiel_code_rome_v460_utf8.csv"), "utf8"),
  skills: readFileSync(path.join(ROME_DIR, "unix_referentiel_competence_v460_utf8.csv"), "utf8"),
  links: readFileSync(path.join(ROME_DIR, "unix_liens_rome_referentiels_v460_utf8.csv"), "utf8"),
});
const romeLabels = new Map(rome.jobs.map((j) => [j.code, j.label]));

const TODAY = "2026-03-02";
const COMMUNES: CommunePlace[] = [
  { insee: "41018", name: "Blois", population: 6000, lat: 47.5817, lng: 1.30626 },
  { insee: "41269", name: "Vendôme", population: 3000, lat: 47.7928, lng: 1.0656 },
  { insee: "41001", name: "Petite commune", population: 1000, lat: 47.6, lng: 1.2 },
];

function profiles(seed: number, n: number, jitterKm?: number) {
  const rnd = seededRandom(seed);
  const sampler = communeSampler(COMMUNES);
  return Array.from({ length: n }, (_, i) =>
    generateProfile(rnd, { commune: sampler.pick(rnd), today: TODAY, skillsByJob: rome.skillsByJob, externalId: `P${i}`, jitterKm }),
  );
}

describe("the curated job list", () => {
  it("holds about forty real ROME 4.0 job sheets with their exact labels", () => {
    expect(DEMO_JOBS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_JOBS.map((j) => j.code)).size).toBe(DEMO_JOBS.length);
    for (const j of DEMO_JOBS) {
      expect(romeLabels.get(j.code), j.code).toBe(j.label);
      expect(rome.skillsByJob.get(j.code)?.length ?? 0, j.code).toBeGreaterThanOrEqual(10);
    }
  });

  it("uses only real ROME codes in formation templates", () => {
    for (const f of FORMATION_TEMPLATES) for (const c of f.romeCodes) expect(romeLabels.has(c), c).toBe(true);
  });

  it("reads the whole referential from the CSV files", () => {
    expect(rome.jobs.length).toBe(1584);
    expect(rome.skillsByJob.size).toBe(1584);
  });
});

describe("profiles", () => {
  it("are the same for the same seed and differ for another", () => {
    expect(profiles(7, 50)).toEqual(profiles(7, 50));
    expect(profiles(8, 50)).not.toEqual(profiles(7, 50));
  });

  it("are placed on communes in proportion to their population", () => {
    const counts = new Map<string, number>();
    for (const p of profiles(1, 10_000)) counts.set(p.communeInsee, (counts.get(p.communeInsee) ?? 0) + 1);
    expect(counts.get("41018")! / 10_000).toBeCloseTo(0.6, 1);
    expect(counts.get("41269")! / 10_000).toBeCloseTo(0.3, 1);
    expect(counts.get("41001")! / 10_000).toBeCloseTo(0.1, 1);
  });

  it("sit on the commune centre, or within the jitter when one is asked", () => {
    for (const p of profiles(2, 200)) {
      const c = COMMUNES.find((x) => x.insee === p.communeInsee)!;
      expect(p.point).toEqual({ lng: c.lng, lat: c.lat });
      expect(p.preciseLocation).toBe(false);
    }
    for (const p of profiles(2, 500, 1.5)) {
      const c = COMMUNES.find((x) => x.insee === p.communeInsee)!;
      expect(haversineKm(p.point, c)).toBeLessThanOrEqual(1.5 + 1e-3);
    }
  });

  it("have consistent mobility, licences, jobs and skills", () => {
    const all = profiles(3, 2_000);
    for (const p of all) {
      const [lo, hi] = TRAVEL_LIMITS[p.travelModes[0]!];
      expect(p.maxDistanceKm).toBeGreaterThanOrEqual(lo);
      expect(p.maxDistanceKm).toBeLessThanOrEqual(hi);
      if (p.hasVehicle) expect(["B", "other"]).toContain(p.drivingLicence);
      if (p.travelModes.includes("car")) expect(p.hasVehicle).toBe(true);
      const sought = p.jobs.filter((j) => j.kind === "sought");
      const done = p.jobs.filter((j) => j.kind === "done");
      expect(sought.length).toBeGreaterThanOrEqual(1);
      expect(sought.length).toBeLessThanOrEqual(3);
      expect(done.length).toBeLessThanOrEqual(2);
      for (const j of p.jobs) expect(romeLabels.get(j.romeCode)).toBe(j.label);
      // every skill belongs to one of the person's jobs
      const jobSkills = new Set(p.jobs.flatMap((j) => rome.skillsByJob.get(j.romeCode)!));
      for (const s of p.skillCodes) expect(jobSkills.has(s)).toBe(true);
      expect(p.shifts).toBeGreaterThan(0);
    }
    const share = (f: (p: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    expect(share((p) => p.drivingLicence === "none")).toBeCloseTo(0.35, 1);
    expect(share((p) => p.drivingLicence === "B")).toBeCloseTo(0.5, 1);
    expect(share((p) => p.seeking)).toBeCloseTo(0.9, 1);
    expect(share((p) => p.visibleToEmployers)).toBeCloseTo(0.8, 1);
    expect(new Set(all.map((p) => p.travelModes[0])).size).toBe(6);
    expect(share((p) => (p.formations ?? []).length > 0)).toBeGreaterThan(0.05);
  });
});

describe("offers", () => {
  const offers = (seed: number, n: number, allJobs?: typeof rome.jobs) => {
    const rnd = seededRandom(seed);
    const sampler = communeSampler(COMMUNES);
    return Array.from({ length: n }, () =>
      generateOffer(rnd, { employerId: "e", commune: sampler.pick(rnd), today: TODAY, skillsByJob: rome.skillsByJob, allJobs }),
    );
  };

  it("are deterministic and well formed", () => {
    expect(offers(5, 100)).toEqual(offers(5, 100));
    for (const o of offers(5, 500)) {
      expect(romeLabels.has(o.romeCode)).toBe(true);
      expect(o.requiredSkills.length).toBeGreaterThanOrEqual(2);
      expect(o.requiredSkills.length).toBeLessThanOrEqual(5);
      const jobSkills = new Set(rome.skillsByJob.get(o.romeCode));
      for (const s of [...o.requiredSkills, ...(o.wishedSkills ?? [])]) expect(jobSkills.has(s)).toBe(true);
      expect(o.radiusKm).toBeGreaterThanOrEqual(10);
      expect(o.radiusKm).toBeLessThanOrEqual(40);
      expect(o.startsOn >= TODAY && o.startsOn <= "2026-05-01").toBe(true);
      expect(o.expiresOn! > o.startsOn).toBe(true);
      if (o.vehicleRequired) expect(o.licenceRequired).toBe(true);
    }
    const published = offers(5, 1000).filter((o) => o.status === "published").length / 1000;
    expect(published).toBeCloseTo(0.9, 1);
  });

  it("draw from every ROME job for the benchmark, mostly from the curated list", () => {
    const list = new Set(DEMO_JOBS.map((j) => j.code));
    const all = offers(6, 2000, rome.jobs);
    const fromList = all.filter((o) => list.has(o.romeCode)).length / all.length;
    expect(fromList).toBeGreaterThan(0.65);
    expect(new Set(all.map((o) => o.romeCode)).size).toBeGreaterThan(300);
  });
});

describe("formations and companies", () => {
  it("generate formations leading to real jobs", () => {
    const rnd = seededRandom(9);
    for (let i = 0; i < 50; i++) {
      const f = generateFormation(rnd, { commune: COMMUNES[0]!, today: TODAY, providerName: "Organisme" });
      expect(f.romeCodes.length).toBeGreaterThanOrEqual(1);
      expect(f.romeCodes.length).toBeLessThanOrEqual(2);
      for (const c of f.romeCodes) expect(romeLabels.has(c)).toBe(true);
      expect(f.endsOn! > f.startsOn).toBe(true);
      expect(f.seats).toBeGreaterThan(0);
    }
  });

  it("make SIRET numbers whose SIREN and SIRET pass the Luhn check", () => {
    const rnd = seededRandom(10);
    for (let i = 0; i < 100; i++) {
      const siret = generateSiret(rnd);
      expect(siret).toMatch(/^\d{14}$/);
      expect(isLuhnValid(siret.slice(0, 9))).toBe(true);
      expect(isLuhnValid(siret)).toBe(true);
    }
    expect(isLuhnValid("73282932000074")).toBe(true); // a real SIRET
    expect(isLuhnValid("73282932000075")).toBe(false);
  });

  it("jitter points within the asked distance", () => {
    const rnd = seededRandom(11);
    for (let i = 0; i < 1000; i++) {
      const p = jitterPoint(rnd, { lng: 2.35, lat: 48.86 }, 1.5);
      expect(haversineKm(p, { lng: 2.35, lat: 48.86 })).toBeLessThanOrEqual(1.501);
    }
  });
});
