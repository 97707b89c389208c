import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor } from "../testing/callers";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("who may see which ranking", () => {
  it("employer_can_rank_candidates_for_their_own_company_offers_only, without the département's identifiers", async () => {
    const company = await makeOrganisation(h.db, "company", 1);
    const owner = await callerFor(h.db, company.owner.id);
    const recruiter = await callerFor(h.db, company.recruiters[0]!.id);
    const other = await callerFor(h.db, (await makeOrganisation(h.db)).owner.id);
    const { caller: noCompany } = await callerAs(h.db, "employer");
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    await makeProfile(h.db, "41018", { externalId: "CAF-123", territoryCode: "blois" });
    const list = await owner.recruiting.candidates({ offerId: offer.id });
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain("CAF-123");
    expect((await recruiter.recruiting.candidates({ offerId: offer.id })).items).toHaveLength(1);
    await expect(other.recruiting.candidates({ offerId: offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(noCompany.recruiting.candidates({ offerId: offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // the raw ranking (with identifiers) is for advisers and admins only
    await expect(owner.matching.candidatesForOffer({ offerId: offer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { caller: adviser, user: adviserUser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    expect((await adviser.matching.candidatesForOffer({ offerId: offer.id }))[0]!.externalId).toBe("CAF-123");
    // An adviser's raw ranking keeps only their own caseload and their territory's unassigned people.
    const { user: colleague } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await makeProfile(h.db, "41018", { externalId: "CAF-COLLEAGUE", territoryCode: "blois", adviserId: colleague.id });
    await makeProfile(h.db, "41018", { externalId: "CAF-MINE", territoryCode: "vendome", adviserId: adviserUser.id });
    await makeProfile(h.db, "41018", { externalId: "CAF-ELSEWHERE", territoryCode: "vendome" });
    const seen = (await adviser.matching.candidatesForOffer({ offerId: offer.id })).map((i) => i.externalId).sort();
    expect(seen).toEqual(["CAF-123", "CAF-MINE"]);
    const { caller: admin } = await callerAs(h.db, "admin");
    expect(await admin.matching.candidatesForOffer({ offerId: offer.id })).toHaveLength(4);
  });

  it("beneficiary_sees_offers_for_their_own_profile_only", async () => {
    const { caller: me, user } = await callerAs(h.db, "beneficiary");
    const { caller: stranger } = await callerAs(h.db, "beneficiary");
    const mine = await makeProfile(h.db, "41269", { userId: user.id });
    const offer = await makeOffer(h.db, "41269");
    const someoneElse = await makeProfile(h.db, "41269");
    // whatever profile id is passed, a beneficiary gets their own
    const items = await me.matching.offersForBeneficiary({ profileId: someoneElse.id });
    expect(items.map((i) => i.id)).toContain(offer.id);
    await expect(stranger.matching.offersForBeneficiary({})).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(mine.id).toBeTruthy();
  });

  it("adviser_cannot_rank_for_a_profile_of_another_territory", async () => {
    const { caller: blois } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: vendome } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const profile = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    await expect(blois.matching.formationsForBeneficiary({ profileId: profile.id })).resolves.toBeInstanceOf(Array);
    await expect(vendome.matching.offersForBeneficiary({ profileId: profile.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adviser_sees_only_their_caseload_and_their_territory's_unassigned_people", async () => {
    const { caller: mine, user: me } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: colleague, user: other } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: noTerritory } = await callerAs(h.db, "adviser", { territoryCode: null });
    const followed = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: me.id });
    const theirs = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: other.id });
    // followed by me although they moved to another territory: still mine
    const moved = await makeProfile(h.db, "41269", { territoryCode: "vendome", adviserId: me.id });
    await expect(mine.matching.offersForBeneficiary({ profileId: followed.id })).resolves.toBeInstanceOf(Array);
    await expect(mine.matching.offersForBeneficiary({ profileId: moved.id })).resolves.toBeInstanceOf(Array);
    // a colleague's caseload, even in the same territory, answers as a missing profile
    await expect(mine.matching.offersForBeneficiary({ profileId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(colleague.matching.offersForBeneficiary({ profileId: followed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mine.proposals.create({ profileId: theirs.id, offerId: (await makeOffer(h.db, "41018")).id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // an adviser without a territory has only their caseload
    const unassigned = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    await expect(noTerritory.matching.offersForBeneficiary({ profileId: unassigned.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { caller: admin } = await callerAs(h.db, "admin");
    await expect(admin.matching.offersForBeneficiary({ profileId: theirs.id })).resolves.toBeInstanceOf(Array);
  });
});
