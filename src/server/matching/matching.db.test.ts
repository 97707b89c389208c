import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { clearMatchingData, communePoint, makeFormation, makeOffer, makeProfile } from "../testing/factories";
import { matchCandidatesForOffer, matchFormationsForBeneficiary, matchOffersForBeneficiary } from "./queries";
import { score } from "./score";
import { haversineKm } from "../geo/distance";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearMatchingData(h.db);
});

// Real communes of Loir-et-Cher: Blois, Vineuil (≈6 km east), La Chaussée-Saint-Victor
// (≈4 km north-east), Vendôme (≈30 km north), Romorantin-Lanthenay (≈40 km south-east).
const BLOIS = "41018";
const VINEUIL = "41295";
const LA_CHAUSSEE = "41040";
const VENDOME = "41269";
const ROMORANTIN = "41194";

const SKILL_A = 100063;
const SKILL_B = 100023;

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe("candidates for an offer", () => {
  it("ranks the nearer candidate first when all else is equal", async () => {
    const offer = await makeOffer(h.db, BLOIS);
    const far = await makeProfile(h.db, VINEUIL);
    const near = await makeProfile(h.db, BLOIS);
    const items = await matchCandidatesForOffer(h.db, offer.id);
    expect(ids(items)).toEqual([near.id, far.id]);
    expect(items[0]).toMatchObject({ rank: 1, distanceKm: 0 });
    expect(items[0]!.components).toMatchObject({ job: 1, skills: null, proximity: 1, formation: 0 });
  });

  it("ranks the candidate with more of the required skills first at equal distance", async () => {
    const offer = await makeOffer(h.db, BLOIS, { requiredSkills: [SKILL_A, SKILL_B] });
    const one = await makeProfile(h.db, VINEUIL, { skillCodes: [SKILL_A] });
    const both = await makeProfile(h.db, VINEUIL, { skillCodes: [SKILL_A, SKILL_B, 999] });
    const items = await matchCandidatesForOffer(h.db, offer.id);
    expect(ids(items)).toEqual([both.id, one.id]);
    expect(items[0]!.components.skills).toBe(1);
    expect(items[1]!.components.skills).toBe(0.5);
    expect(items[1]!.reasons).toContain("1 compétence sur 2");
  });

  it("ranks the same job above a close job above the same large domain", async () => {
    const offer = await makeOffer(h.db, BLOIS);
    const domain = await makeProfile(h.db, BLOIS, { jobs: [{ kind: "sought", romeCode: "J1301", label: "x" }] });
    const same = await makeProfile(h.db, VINEUIL, { jobs: [{ kind: "done", romeCode: "J1501", label: "x", years: 2 }] });
    const close = await makeProfile(h.db, BLOIS, { jobs: [{ kind: "sought", romeCode: "J1502", label: "x" }] });
    const other = await makeProfile(h.db, BLOIS, { jobs: [{ kind: "sought", romeCode: "K1302", label: "x" }] });
    const items = await matchCandidatesForOffer(h.db, offer.id);
    expect(ids(items)).toEqual([same.id, close.id, domain.id]);
    expect(items.map((i) => i.components.job)).toEqual([1, 0.6, 0.3]);
    expect(ids(items)).not.toContain(other.id);
  });

  it("does not list a candidate beyond their own travel limit or beyond the offer's radius", async () => {
    const offer = await makeOffer(h.db, BLOIS, { radiusKm: 50 });
    const limited = await makeProfile(h.db, VENDOME, { maxDistanceKm: 10 });
    const willing = await makeProfile(h.db, VENDOME, { maxDistanceKm: 60 });
    expect(ids(await matchCandidatesForOffer(h.db, offer.id))).toEqual([willing.id]);

    const smallRadius = await makeOffer(h.db, BLOIS, { radiusKm: 5 });
    const vineuil = await makeProfile(h.db, VINEUIL, { maxDistanceKm: 100 });
    const items = await matchCandidatesForOffer(h.db, smallRadius.id);
    expect(ids(items)).not.toContain(vineuil.id);
    expect(ids(items)).not.toContain(willing.id);
  });

  it("filters on driving licence and vehicle when the offer needs them", async () => {
    const licence = await makeOffer(h.db, BLOIS, { licenceRequired: true });
    const vehicle = await makeOffer(h.db, BLOIS, { vehicleRequired: true });
    const noLicence = await makeProfile(h.db, BLOIS, { drivingLicence: "none", hasVehicle: false });
    const learning = await makeProfile(h.db, BLOIS, { drivingLicence: "in_progress", hasVehicle: false });
    const licensedNoCar = await makeProfile(h.db, BLOIS, { drivingLicence: "B", hasVehicle: false });
    const withCar = await makeProfile(h.db, BLOIS, { drivingLicence: "B", hasVehicle: true });
    expect(new Set(ids(await matchCandidatesForOffer(h.db, licence.id)))).toEqual(new Set([licensedNoCar.id, withCar.id]));
    expect(ids(await matchCandidatesForOffer(h.db, vehicle.id))).toEqual([withCar.id]);
    expect(noLicence.id && learning.id).toBeTruthy();
  });

  it("never lists an invisible, non-seeking or archived profile", async () => {
    const offer = await makeOffer(h.db, BLOIS);
    await makeProfile(h.db, BLOIS, { visibleToEmployers: false });
    await makeProfile(h.db, BLOIS, { seeking: false });
    const visible = await makeProfile(h.db, BLOIS);
    expect(ids(await matchCandidatesForOffer(h.db, offer.id))).toEqual([visible.id]);
    // hiding a profile afterwards removes it at once
    await makeProfile(h.db, BLOIS, { externalId: "P-hide", visibleToEmployers: true });
    const hidden = await makeProfile(h.db, BLOIS, { externalId: "P-hide", visibleToEmployers: false });
    expect(ids(await matchCandidatesForOffer(h.db, offer.id))).not.toContain(hidden.id);
  });

  it("respects shifts and the date the person is available from", async () => {
    const night = await makeOffer(h.db, BLOIS, { shifts: 2 });
    const dayOnly = await makeProfile(h.db, BLOIS, { shifts: 1 });
    const nights = await makeProfile(h.db, BLOIS, { shifts: 1 | 2 });
    expect(ids(await matchCandidatesForOffer(h.db, night.id))).toEqual([nights.id]);
    expect(dayOnly.id).toBeTruthy();

    const soon = await makeOffer(h.db, BLOIS, { startsOn: addDays(instanceToday(), 7) });
    const later = await makeProfile(h.db, BLOIS, { availableFrom: addDays(instanceToday(), 60) });
    expect(ids(await matchCandidatesForOffer(h.db, soon.id))).not.toContain(later.id);
  });

  it("gives a bonus for a formation leading to the offer's job", async () => {
    const offer = await makeOffer(h.db, BLOIS);
    const plain = await makeProfile(h.db, VINEUIL);
    const trained = await makeProfile(h.db, VINEUIL, {
      formations: [{ title: "DEAS", romeCodes: ["J1501"], year: 2024 }],
    });
    const items = await matchCandidatesForOffer(h.db, offer.id);
    expect(ids(items)[0]).toBe(trained.id);
    expect(items[0]!.components.formation).toBe(1);
    expect(items[0]!.reasons).toContain("A suivi une formation qui mène à ce métier");
    expect(ids(items)).toContain(plain.id);
  });

  it("reports geodesic distances that agree with an independent haversine within 0.5 %", async () => {
    const offer = await makeOffer(h.db, BLOIS, { radiusKm: 80 });
    for (const insee of [VINEUIL, LA_CHAUSSEE, VENDOME, ROMORANTIN]) await makeProfile(h.db, insee, { maxDistanceKm: 80 });
    const items = await matchCandidatesForOffer(h.db, offer.id);
    expect(items).toHaveLength(4);
    const from = (await communePoint(h.db, BLOIS)).point;
    const expected = await Promise.all(
      [VINEUIL, LA_CHAUSSEE, VENDOME, ROMORANTIN].map(async (i) => haversineKm(from, (await communePoint(h.db, i)).point)),
    );
    const got = items.map((i) => i.distanceKm).sort((a, b) => a - b);
    expected.sort((a, b) => a - b).forEach((km, i) => {
      expect(Math.abs(got[i]! - km) / km).toBeLessThan(0.005);
    });
    // ranks follow the score, computed the same way as the documented formula
    for (const item of items) expect(item.score).toBe(score(item.components));
    expect([...items].sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm)).toEqual(items);
  });

  it("takes the limit and returns external ids", async () => {
    const offer = await makeOffer(h.db, BLOIS);
    for (let i = 0; i < 5; i++) await makeProfile(h.db, BLOIS, { externalId: `EXT-${i}` });
    const items = await matchCandidatesForOffer(h.db, offer.id, 3);
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.externalId?.startsWith("EXT-"))).toBe(true);
  });
});

describe("offers for a beneficiary", () => {
  it("never proposes a closed, filled, draft or expired offer", async () => {
    const person = await makeProfile(h.db, BLOIS);
    const open = await makeOffer(h.db, BLOIS);
    await makeOffer(h.db, BLOIS, { status: "closed" });
    await makeOffer(h.db, BLOIS, { status: "filled" });
    await makeOffer(h.db, BLOIS, { status: "draft" });
    await makeOffer(h.db, BLOIS, { expiresOn: addDays(instanceToday(), -1) });
    expect(ids(await matchOffersForBeneficiary(h.db, person.id))).toEqual([open.id]);
  });

  it("ranks nearer offers first and explains in the person's words", async () => {
    const person = await makeProfile(h.db, BLOIS, { maxDistanceKm: 20, skillCodes: [SKILL_A] });
    const far = await makeOffer(h.db, VINEUIL, { requiredSkills: [SKILL_A] });
    const near = await makeOffer(h.db, BLOIS, { requiredSkills: [SKILL_A] });
    await makeOffer(h.db, VENDOME);
    const items = await matchOffersForBeneficiary(h.db, person.id);
    expect(ids(items)).toEqual([near.id, far.id]);
    expect(items[0]!.reasons).toEqual(["Votre métier", "Vous avez 1 compétence sur 1", "À moins d'1 km de chez vous"]);
  });

  it("applies the same hard filters as the employer's view", async () => {
    const person = await makeProfile(h.db, BLOIS, { drivingLicence: "none", hasVehicle: false, shifts: 1 });
    await makeOffer(h.db, BLOIS, { licenceRequired: true });
    await makeOffer(h.db, BLOIS, { shifts: 4 });
    const ok = await makeOffer(h.db, BLOIS);
    expect(ids(await matchOffersForBeneficiary(h.db, person.id))).toEqual([ok.id]);
  });
});

describe("formations for a beneficiary", () => {
  it("lists upcoming formations leading to the person's jobs, nearer first", async () => {
    const person = await makeProfile(h.db, BLOIS, { maxDistanceKm: 30 });
    const near = await makeFormation(h.db, BLOIS);
    const close = await makeFormation(h.db, VINEUIL, { romeCodes: ["J1502"] });
    await makeFormation(h.db, BLOIS, { romeCodes: ["F1703"] });
    await makeFormation(h.db, BLOIS, { startsOn: "2020-01-06", endsOn: "2020-06-30" });
    await makeFormation(h.db, ROMORANTIN);
    await makeFormation(h.db, BLOIS, { status: "closed" });
    const items = await matchFormationsForBeneficiary(h.db, person.id);
    expect(ids(items)).toEqual([near.id, close.id]);
    expect(items[0]!.reasons[0]).toBe("Mène à votre métier");
    expect(items[0]!.components.skills).toBeNull();
  });
});
