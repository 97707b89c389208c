import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeOffer, makeOrganisation } from "../testing/factories";
import { placements } from "../followup/schema";
import { candidateHandle } from "../recruiting/handles";
import { beneficiaryProfiles } from "../profiles/schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/** A person nobody follows, living in Blois, hired through an offer. */
async function hireOfSomeoneAlone() {
  const { caller: person } = await callerAs(h.db, "beneficiary");
  await person.profile.savePlace({ communeInsee: "41018" });
  await person.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  const profileId = (await person.profile.saveVisibility({ visible: true })).profile!.id;
  await h.db.execute(sql`update beneficiary_profiles set first_name = 'Inès', last_name = 'Roux' where id = ${profileId}::uuid`);
  const company = await makeOrganisation(h.db);
  const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Plongeur" });
  const { id } = await person.applications.applyToOffer({ offerId: offer.id });
  const change = await (await callerFor(h.db, company.owner.id)).recruiting.setStatus({ applicationId: id, status: "hired" });
  return { profileId, placementId: change.placementId!, change };
}

describe("hires to follow", () => {
  it("a hire of a person nobody follows waits in the territory's queue; the first adviser to take it follows the person and the placement", async () => {
    const { profileId, placementId, change } = await hireOfSomeoneAlone();
    expect(change.followUp).toMatchObject({ kind: "territory" });
    const a = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const b = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const far = await makeUser(h.db, "adviser", { territoryCode: "vendome" });
    const [ca, cb, cfar] = await Promise.all([callerFor(h.db, a.id), callerFor(h.db, b.id), callerFor(h.db, far.id)]);

    expect((await ca.caseload.hiresToFollow()).map((x) => x.placementId)).toContain(placementId);
    expect((await cfar.caseload.hiresToFollow()).map((x) => x.placementId)).not.toContain(placementId);
    await expect(cfar.caseload.takeHire({ placementId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // two advisers at once: one wins, the other is told clearly
    const outcomes = await Promise.allSettled([ca.caseload.takeHire({ placementId }), cb.caseload.takeHire({ placementId })]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: "Un autre conseiller vient de prendre le suivi de cette personne." });

    const winner = outcomes[0]!.status === "fulfilled" ? a : b;
    const [p] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, profileId));
    expect(p!.adviserId).toBe(winner.id);
    const [pl] = await h.db.select().from(placements).where(eq(placements.id, placementId));
    expect(pl!.adviserId).toBe(winner.id);
    expect((await ca.caseload.hiresToFollow()).map((x) => x.placementId)).not.toContain(placementId);
    // taking it again is harmless for the winner
    await expect((winner === a ? ca : cb).caseload.takeHire({ placementId })).resolves.toEqual({ profileId });
    // the winner now sees the person's follow-up
    const file = await (winner === a ? ca : cb).followup.placementsOfProfile({ profileId });
    expect(file.placements.map((x) => x.id)).toContain(placementId);
  });

  it("an employer can ask who would follow before hiring (the candidate's page)", async () => {
    const { caller: person } = await callerAs(h.db, "beneficiary");
    await person.profile.savePlace({ communeInsee: "41018" });
    await person.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
    const profileId = (await person.profile.saveVisibility({ visible: true })).profile!.id;
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois", firstName: "Paul", lastName: "Durand" });
    await h.db.update(beneficiaryProfiles).set({ adviserId: adviser.id }).where(eq(beneficiaryProfiles.id, profileId));
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    const handle = candidateHandle(offer.id, profileId);
    expect((await employer.recruiting.candidate({ offerId: offer.id, candidateId: handle })).followUp).toBeNull();
    await person.applications.applyToOffer({ offerId: offer.id });
    expect((await employer.recruiting.candidate({ offerId: offer.id, candidateId: handle })).followUp).toEqual({ kind: "adviser", firstName: "Paul", lastName: "Durand" });
  });
});
