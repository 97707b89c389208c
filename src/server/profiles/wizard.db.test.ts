import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs } from "../testing/callers";
import { makeOffer } from "../testing/factories";
import { fieldErrors } from "../testing/errors";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("the CV wizard", () => {
  it("beneficiary_can_build_their_cv_step_by_step and see offers near Blois", async () => {
    const { caller, user } = await callerAs(h.db, "beneficiary", { firstName: "Léa", lastName: "Martin" });
    expect((await caller.profile.mine()).profile).toBeNull();

    let v = await caller.profile.savePlace({ communeInsee: "41018" });
    expect(v.profile).toMatchObject({ commune: { name: "Blois" }, preciseLocation: false, firstName: "Léa" });
    expect(v.completeness).toMatchObject({ percent: 15, next: "mobility" });

    v = await caller.profile.saveMobility({
      travelModes: ["car"],
      distance: { unit: "km", value: 20 },
      drivingLicence: "B",
      hasVehicle: true,
    });
    expect(v.profile?.maxDistanceKm).toBe(20);

    v = await caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [{ ogrCode: 10891, years: 2 }] });
    expect(v.profile?.jobs.map((j) => [j.kind, j.romeCode])).toEqual([
      ["done", "J1501"],
      ["sought", "J1501"],
    ]);

    const suggestions = await caller.profile.skillSuggestions({ romeCodes: ["J1501"] });
    const firstThree = suggestions.jobs[0]!.skills.slice(0, 3).map((s) => s.ogrCode);
    expect(firstThree).toHaveLength(3);
    expect(suggestions.softSkills.length).toBeGreaterThan(0);
    v = await caller.profile.saveSkills({ skillCodes: [...firstThree, suggestions.softSkills[0]!.ogrCode] });
    expect(v.profile?.skills).toHaveLength(4);

    v = await caller.profile.saveAvailability({ availableFrom: null, fullTime: true, shifts: ["day", "weekend"] });
    expect(v.profile?.shifts).toEqual(["day", "weekend"]);
    v = await caller.profile.saveBackground({ formations: [{ title: "DEAS", year: 2023, jobOgrCode: 10891 }], about: "Ponctuelle." });
    v = await caller.profile.saveVisibility({ visible: true });
    expect(v.completeness.percent).toBe(100);
    expect(v.profile?.visibilityConsentAt).toBeInstanceOf(Date);

    // the matcher now finds this person for an aide-soignant offer in Blois
    const offer = await makeOffer(h.db, "41018", { requiredSkills: firstThree });
    const offers = await caller.matching.offersForBeneficiary({});
    expect(offers[0]).toMatchObject({ id: offer.id, offer: { communeName: "Blois" } });
    expect(offers[0]!.reasons).toContain("Vous avez 3 compétences sur 3");
    expect(offers[0]!.components.formation).toBe(1);
    expect(user.id).toBeTruthy();
  });

  it("turns minutes by bus into kilometres", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    await caller.profile.savePlace({ communeInsee: "41269" });
    const v = await caller.profile.saveMobility({
      travelModes: ["public_transport"],
      distance: { unit: "minutes", value: 30 },
      drivingLicence: "none",
      hasVehicle: false,
    });
    expect(v.profile?.maxDistanceKm).toBe(13);
  });

  it("keeps a precise point only when given, and refuses one outside France", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    const v = await caller.profile.savePlace({ communeInsee: "41018", precisePoint: { lat: 47.59, lng: 1.33 } });
    expect(v.profile).toMatchObject({ preciseLocation: true, point: { lat: 47.59, lng: 1.33 } });
    const errors = await fieldErrors(caller.profile.savePlace({ communeInsee: "41018", precisePoint: { lat: 40.7, lng: -74 } }));
    expect(errors.precisePoint?.[0]).toMatch(/pas en France/);
  });

  it("asks for the place first, and refuses unknown communes, jobs and skills field by field", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    const first = await fieldErrors(caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] }));
    expect(first._?.[0]).toMatch(/où vous habitez/);
    expect((await fieldErrors(caller.profile.savePlace({ communeInsee: "99999" }))).communeInsee?.[0]).toMatch(/Commune inconnue/);
    await caller.profile.savePlace({ communeInsee: "41018" });
    expect((await fieldErrors(caller.profile.saveJobs({ sought: [{ ogrCode: 123456789 }], done: [] }))).sought?.[0]).toMatch(/Métier inconnu/);
    expect((await fieldErrors(caller.profile.saveJobs({ sought: [], done: [] }))).sought?.[0]).toMatch(/au moins un métier/);
    const six = Array.from({ length: 6 }, () => ({ ogrCode: 10891 }));
    expect((await fieldErrors(caller.profile.saveJobs({ sought: six, done: [] }))).sought?.[0]).toMatch(/5 métiers au plus/);
    expect((await fieldErrors(caller.profile.saveSkills({ skillCodes: [1] }))).skillCodes?.[0]).toMatch(/n'existe pas/);
    const mob = await fieldErrors(
      caller.profile.saveMobility({ travelModes: [], distance: { unit: "km", value: 500 }, drivingLicence: "B", hasVehicle: false }),
    );
    expect(mob.travelModes?.[0]).toMatch(/au moins un moyen/);
    expect(mob["distance.value"]?.[0]).toMatch(/200 km au plus/);
  });

  it("one beneficiary can never read or change another's profile", async () => {
    const { caller: a, user: ua } = await callerAs(h.db, "beneficiary");
    const { caller: b } = await callerAs(h.db, "beneficiary");
    await a.profile.savePlace({ communeInsee: "41018" });
    await b.profile.savePlace({ communeInsee: "41269" });
    await b.profile.saveVisibility({ visible: true });
    expect((await a.profile.mine()).profile?.commune?.name).toBe("Blois");
    expect((await b.profile.mine()).profile?.commune?.name).toBe("Vendôme");
    const [row] = await queryRows<{ visible: boolean }>(
      h.db,
      sql`select visible_to_employers as visible from beneficiary_profiles where user_id = ${ua.id}`,
    );
    expect(row!.visible).toBe(false);
  });

  it("hiding the profile takes it out of employers' lists at once and clears the consent date", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    await caller.profile.savePlace({ communeInsee: "41018" });
    await caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
    let v = await caller.profile.saveVisibility({ visible: true });
    const id = v.profile!.id;
    const count = async () =>
      (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from profile_match_points where profile_id = ${id}`))[0]!.n;
    expect(await count()).toBe(1);
    v = await caller.profile.saveVisibility({ visible: false });
    expect(await count()).toBe(0);
    expect(v.profile?.visibilityConsentAt).toBeNull();
  });
});
