import { eq } from "drizzle-orm";
import { candidateHandle } from "../recruiting/handles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor } from "../testing/callers";
import { makeOrganisation, makeFormation, makeOffer } from "../testing/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function beneficiaryWithCv(insee = "41018", visible = true) {
  const { caller, user } = await callerAs(h.db, "beneficiary");
  await caller.profile.savePlace({ communeInsee: insee });
  await caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  const v = await caller.profile.saveVisibility({ visible });
  return { caller, user, profileId: v.profile!.id };
}

describe("applications", () => {
  it("beneficiary_can_apply_in_one_tap_and_see_it_in_my_applications", async () => {
    const { caller } = await beneficiaryWithCv();
    const offer = await makeOffer(h.db, "41018", { title: "Aide-soignant de jour" });
    await caller.applications.applyToOffer({ offerId: offer.id });
    const mine = await caller.applications.mine();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "sent", offer: { title: "Aide-soignant de jour", communeName: "Blois" } });
    await expect(caller.applications.applyToOffer({ offerId: offer.id, message: "Encore" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/déjà envoyé/),
    });
    await caller.applications.withdraw({ applicationId: mine[0]!.id });
    expect((await caller.applications.mine())[0]!.status).toBe("withdrawn");
  });

  it("cannot apply to a closed offer or a full formation", async () => {
    const { caller } = await beneficiaryWithCv();
    const closed = await makeOffer(h.db, "41018", { status: "closed" });
    await expect(caller.applications.applyToOffer({ offerId: closed.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const full = await makeFormation(h.db, "41018", { seats: 0 });
    await expect(caller.applications.applyToFormation({ formationId: full.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const open = await makeFormation(h.db, "41018");
    await caller.applications.applyToFormation({ formationId: open.id, message: "Je suis intéressée." });
    expect((await caller.applications.mine())[0]).toMatchObject({ message: "Je suis intéressée.", formation: { id: open.id } });
  });

  it("a person without a CV is told to start it", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    const offer = await makeOffer(h.db, "41018");
    await expect(caller.applications.applyToOffer({ offerId: offer.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("one beneficiary can never see or withdraw another's applications", async () => {
    const a = await beneficiaryWithCv();
    const b = await beneficiaryWithCv();
    const offer = await makeOffer(h.db, "41018");
    await a.caller.applications.applyToOffer({ offerId: offer.id });
    const [app] = await a.caller.applications.mine();
    expect(await b.caller.applications.mine()).toEqual([]);
    await expect(b.caller.applications.withdraw({ applicationId: app!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await a.caller.applications.mine())[0]!.status).toBe("sent");
  });
});

describe("proposals", () => {
  it("beneficiary_can_accept_an_employer_contact_request_or_decline_an_adviser_suggestion", async () => {
    const person = await beneficiaryWithCv("41018");
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    await employer.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id, message: "Bonjour" });
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const other = await makeOffer(h.db, "41018");
    await adviser.proposals.create({ profileId: person.profileId, offerId: other.id, message: null });

    const mine = await person.caller.proposals.mine();
    expect(mine.map((p) => p.fromKind).sort()).toEqual(["adviser", "employer"]);
    const fromEmployer = mine.find((p) => p.fromKind === "employer")!;
    const fromAdviser = mine.find((p) => p.fromKind === "adviser")!;
    await person.caller.proposals.answer({ proposalId: fromEmployer.id, accept: true });
    await person.caller.proposals.answer({ proposalId: fromAdviser.id, accept: false });
    const after = await person.caller.proposals.mine();
    expect(after.find((p) => p.id === fromEmployer.id)?.status).toBe("accepted");
    expect(after.find((p) => p.id === fromAdviser.id)?.status).toBe("declined");
    // an answer is final
    await expect(person.caller.proposals.answer({ proposalId: fromEmployer.id, accept: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("employer_cannot_contact_a_non_consenting_profile_nor_use_another_company_offer", async () => {
    const hidden = await beneficiaryWithCv("41018", false);
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const own = await makeOffer(h.db, "41018", { employerId: company.employerId });
    await expect(employer.proposals.create({ candidateId: candidateHandle(own.id, hidden.profileId), offerId: own.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const visible = await beneficiaryWithCv("41018", true);
    const foreign = await makeOffer(h.db, "41018");
    await expect(employer.proposals.create({ candidateId: candidateHandle(foreign.id, visible.profileId), offerId: foreign.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("any recruiter of the company may ask, with a short optional message; the answer is kept as a consent", async () => {
    const person = await beneficiaryWithCv("41018");
    const company = await makeOrganisation(h.db, "company", 1);
    const recruiter = await callerFor(h.db, company.recruiters[0]!.id);
    const { caller: loner } = await callerAs(h.db, "employer");
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    await expect(
      recruiter.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id, message: "x".repeat(501) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // an account without a company has no offer to contact anyone for
    await expect(loner.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const created = await recruiter.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id });
    // one request per offer: no insisting after a "no"
    await expect(recruiter.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const [mine] = await person.caller.proposals.mine();
    expect(mine).toMatchObject({ id: created.id, fromKind: "employer", message: null, offer: { employerName: expect.any(String) } });
    await person.caller.proposals.answer({ proposalId: created.id, accept: false });
    const trail = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
    expect(trail.map((e) => e.action).sort()).toEqual(["contact_request.create", "contact_request.decline"]);
    expect(trail.find((e) => e.action === "contact_request.decline")!.actorId).toBe(person.user.id);
  });

  it("one beneficiary cannot answer another's proposal", async () => {
    const a = await beneficiaryWithCv();
    const b = await beneficiaryWithCv();
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const offer = await makeOffer(h.db, "41018");
    const p = await adviser.proposals.create({ profileId: a.profileId, offerId: offer.id });
    await expect(b.caller.proposals.answer({ proposalId: p.id, accept: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await a.caller.proposals.mine())[0]!.status).toBe("pending");
  });
});
