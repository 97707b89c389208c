import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { openTestDatabase } from "../testing/db";
import { callerAs, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { makeProfile } from "../testing/factories";
import { ADVISER_CANNOT_CONSENT } from "./wizard";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function trail(profileId: string, action: string) {
  return h.db
    .select({ actorId: auditEvents.actorId, details: auditEvents.details, subjectType: auditEvents.subjectType })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, profileId)));
}

describe("an adviser fills in the CV with the person", () => {
  it("adviser_edits_a_caseload_persons_step_and_the_audit_row_names_the_adviser", async () => {
    const { caller, user: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const p = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: adviser.id, firstName: "Alice" });

    const v = await caller.profile.saveMobility({
      profileId: p.id,
      travelModes: ["bike", "public_transport"],
      distance: { unit: "km", value: 15 },
      drivingLicence: "B",
      hasVehicle: true,
    });
    expect(v.profile).toMatchObject({ id: p.id, firstName: "Alice", maxDistanceKm: 15, travelModes: ["bike", "public_transport"] });
    // the adviser's view shows the same CV
    expect((await caller.profile.ofPerson({ profileId: p.id })).profile?.maxDistanceKm).toBe(15);

    const rows = await trail(p.id, "profile.edit_by_adviser");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: adviser.id, subjectType: "profile", details: { step: "mobility" } });
    // only what really changed (licence and vehicle were already so)
    expect((rows[0]!.details as { changedFields: string[] }).changedFields).toEqual(["maxDistanceKm", "travelModes"]);

    // the person stays followed by the same adviser, in the same territory
    const [stored] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.id));
    expect(stored).toMatchObject({ adviserId: adviser.id, territoryCode: "blois" });

    // an admin may too, and is named as the author
    const { caller: admin, user: adminUser } = await callerAs(h.db, "admin");
    await admin.profile.saveAvailability({ profileId: p.id, availableFrom: null, fullTime: false, shifts: ["day"] });
    const adminRows = await trail(p.id, "profile.edit_by_adviser");
    expect(adminRows.map((r) => r.actorId).sort()).toEqual([adviser.id, adminUser.id].sort());
  });

  it("an adviser of another territory or another caseload is refused as if the person did not exist", async () => {
    const { user: owner } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: vendome } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const { caller: sameTerritory } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const followed = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: owner.id });
    const unassigned = await makeProfile(h.db, "41018", { territoryCode: "blois" });

    await expect(vendome.profile.savePlace({ profileId: followed.id, communeInsee: "41269" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendome.profile.saveSkills({ profileId: unassigned.id, skillCodes: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendome.profile.ofPerson({ profileId: followed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sameTerritory.profile.saveSkills({ profileId: followed.id, skillCodes: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // without a profile an adviser has nothing to edit
    await expect(sameTerritory.profile.saveSkills({ skillCodes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // the territory's unassigned people are within reach
    await sameTerritory.profile.saveSkills({ profileId: unassigned.id, skillCodes: [] });

    expect(await trail(followed.id, "profile.edit_by_adviser")).toHaveLength(0);
    expect(await trail(unassigned.id, "profile.edit_by_adviser")).toHaveLength(1);
  });

  it("the consent to be shown to employers stays the person's own decision", async () => {
    const { caller, user: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const p = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: adviser.id, visibleToEmployers: false });

    const errors = await fieldErrors(caller.profile.saveVisibility({ profileId: p.id, visible: true }));
    expect(errors.visible).toEqual([ADVISER_CANNOT_CONSENT]);
    let [stored] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.id));
    expect(stored!.visibleToEmployers).toBe(false);

    // hiding is allowed (e.g. the person asked for it)
    const shown = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: adviser.id, visibleToEmployers: true });
    await caller.profile.saveVisibility({ profileId: shown.id, visible: false });
    [stored] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, shown.id));
    expect(stored).toMatchObject({ visibleToEmployers: false, visibilityConsentAt: null });
    expect((await trail(shown.id, "profile.edit_by_adviser"))[0]?.details).toMatchObject({
      step: "visibility",
      changedFields: ["visibleToEmployers"],
    });
  });

  it("a beneficiary edits only their own CV, and their changes are logged too", async () => {
    const { caller, user } = await callerAs(h.db, "beneficiary", { territoryCode: "blois" });
    const other = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    const mine = await caller.profile.savePlace({ communeInsee: "41018" });
    const myId = mine.profile!.id;

    await expect(caller.profile.saveSkills({ profileId: other.id, skillCodes: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.profile.savePlace({ profileId: other.id, communeInsee: "41269" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // their own id is accepted
    await caller.profile.saveSkills({ profileId: myId, skillCodes: [] });
    // they still give consent themselves
    await caller.profile.saveVisibility({ visible: true });

    const rows = await trail(myId, "profile.edit");
    expect(rows.map((r) => (r.details as { step: string }).step)).toEqual(["place", "skills", "visibility"]);
    expect(rows.every((r) => r.actorId === user.id)).toBe(true);
    expect(await trail(other.id, "profile.edit")).toHaveLength(0);
    const [stored] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, other.id));
    expect(stored!.communeInsee).toBe("41018");
  });
});
