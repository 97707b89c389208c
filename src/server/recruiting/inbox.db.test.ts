import { and, eq } from "drizzle-orm";
import { candidateHandle } from "./handles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { placements } from "../followup/schema";
import { createPlacementForApplication } from "../followup/placements";
import { offers } from "../offers/schema";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeOrganisation, makeFormation, makeOffer, makeProfile } from "../testing/factories";
import { DECLINE_REASON_TEXTS, DECLINE_REASONS, declineWording } from "./decline-reasons";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const today = () => instanceToday();
const inDays = (d: number) => addDays(instanceToday(), d);

async function applicant(extra: Parameters<typeof makeProfile>[2] = {}) {
  const user = await makeUser(h.db, "beneficiary");
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  const profile = await makeProfile(h.db, "41018", { userId: user.id, adviserId: adviser.id, firstName: "Nadia", ...extra });
  return { profileId: profile.id, caller: await callerFor(h.db, user.id), adviser };
}

async function setup(offerExtra: Parameters<typeof makeOffer>[2] = {}) {
  const c = await makeOrganisation(h.db, "company", 1);
  const offer = await makeOffer(h.db, "41018", { employerId: c.employerId, title: "Agent de service hospitalier", ...offerExtra });
  return {
    employerId: c.employerId,
    ownerId: c.owner.id,
    recruiterId: c.recruiters[0]!.id,
    owner: await callerFor(h.db, c.owner.id),
    recruiter: await callerFor(h.db, c.recruiters[0]!.id),
    offer,
  };
}

async function applied(s: Awaited<ReturnType<typeof setup>>, message?: string) {
  const a = await applicant();
  await a.caller.applications.applyToOffer({ offerId: s.offer.id, message });
  const [mine] = await a.caller.applications.mine();
  return { ...a, applicationId: mine!.id };
}

describe("the applications inbox", () => {
  it("opening_the_inbox_marks_new_applications_seen_and_shows_who_applied", async () => {
    const s = await setup();
    const a = await applied(s, "Je travaille de nuit depuis cinq ans.");
    expect((await a.caller.applications.mine())[0]!.status).toBe("sent");
    const inbox = await s.owner.recruiting.inbox({ offerId: s.offer.id });
    expect(inbox.offer).toMatchObject({ title: "Agent de service hospitalier", positions: 1, hires: 0 });
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      status: "seen",
      isNew: true,
      message: "Je travaille de nuit depuis cinq ans.",
      candidate: {
        candidateId: candidateHandle(s.offer.id, a.profileId),
        pseudonym: "Candidat N.",
        contact: { firstName: "Nadia", communeName: "Blois" },
      },
    });
    // the handle of this offer, never the profile id
    expect(JSON.stringify(inbox)).not.toContain(a.profileId);
    expect((await a.caller.applications.mine())[0]!.status).toBe("seen");
    // the second opening: no longer new
    expect((await s.recruiter.recruiting.inbox({ offerId: s.offer.id })).items[0]!.isNew).toBe(false);
  });

  it("opening the candidate's page marks their application seen", async () => {
    const s = await setup();
    const a = await applied(s);
    const view = await s.owner.recruiting.candidate({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, a.profileId) });
    expect(view.application).toMatchObject({ id: a.applicationId, status: "seen" });
    expect(view.identity?.firstName).toBe("Nadia");
    expect((await a.caller.applications.mine())[0]!.status).toBe("seen");
  });

  it("interview, then hire: the placement is created once, with the adviser of the moment", async () => {
    const s = await setup({ startsOn: inDays(20), contract: "cdd", positions: 2 });
    const a = await applied(s);
    const interview = await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "interview" });
    expect(interview).toMatchObject({ status: "interview", placementId: null, suggestMarkFilled: false });
    expect((await a.caller.applications.mine())[0]!.status).toBe("interview");
    await expect(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "interview" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const hired = await s.recruiter.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    expect(hired).toMatchObject({ status: "hired", hires: 1, positions: 2, suggestMarkFilled: false });
    const rows = await h.db.select().from(placements).where(eq(placements.applicationId, a.applicationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: hired.placementId,
      profileId: a.profileId,
      employerId: s.employerId,
      offerId: s.offer.id,
      adviserId: a.adviser.id,
      jobTitle: "Agent de service hospitalier",
      romeCode: "J1501",
      contract: "cdd",
      startsOn: inDays(20),
      status: "active",
    });
    // settled: no second hire, no decline, and the placement stays single
    await expect(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/déjà embauchée/),
    });
    await expect(
      s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "declined", reason: "other" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await createPlacementForApplication(h.db, a.applicationId, null)).toEqual({ id: hired.placementId, created: false });
    expect(await h.db.select().from(placements).where(eq(placements.applicationId, a.applicationId))).toHaveLength(1);
    // the person withdraws nothing once hired
    await expect(a.caller.applications.withdraw({ applicationId: a.applicationId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.hire"), eq(auditEvents.subjectId, a.applicationId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(s.recruiterId);
  });

  it("a hire that fills the last position suggests marking the offer filled, without changing it", async () => {
    const s = await setup({ startsOn: today() });
    const a = await applied(s);
    const b = await applied(s);
    const hired = await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    expect(hired).toMatchObject({ hires: 1, positions: 1, suggestMarkFilled: true });
    const [offer] = await h.db.select({ status: offers.status }).from(offers).where(eq(offers.id, s.offer.id));
    expect(offer!.status).toBe("published");
    const [placement] = await h.db.select().from(placements).where(eq(placements.id, hired.placementId!));
    expect(placement!.startsOn).toBe(today());
    // the other applicant can still be declined, kindly
    const declined = await s.owner.recruiting.setStatus({ applicationId: b.applicationId, status: "declined", reason: "position_filled" });
    expect(declined).toMatchObject({ status: "declined", statusReason: "position_filled", placementId: null });
    const inbox = await s.owner.recruiting.inbox({ offerId: s.offer.id });
    expect(inbox.offer.hires).toBe(1);
    expect(inbox.items.find((i) => i.id === b.applicationId)).toMatchObject({
      reasonLabel: "Le poste est pourvu",
      reasonWording: "Le poste a été pourvu. Merci pour votre candidature : d'autres offres vous attendent.",
    });
  });

  it("an offer that started long ago gives a placement starting today", async () => {
    const s = await setup({ startsOn: inDays(-40) });
    const a = await applied(s);
    const hired = await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    const [placement] = await h.db.select().from(placements).where(eq(placements.id, hired.placementId!));
    expect(placement!.startsOn).toBe(today());
  });
});

describe("declining", () => {
  it("needs a reason from the list, stores its code and the person reads kind words", async () => {
    const s = await setup();
    const a = await applied(s);
    await expect(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "declined" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { reason: ["Choisissez la raison du refus."] } },
    });
    await expect(
      s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "declined", reason: "tu es nul" as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "declined", reason: "schedule" });
    const [mine] = await a.caller.applications.mine();
    expect(mine).toMatchObject({ status: "declined", statusReason: "schedule" });
    expect(declineWording(mine!.statusReason)).toBe(DECLINE_REASON_TEXTS.schedule.candidate);
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.decline"), eq(auditEvents.subjectId, a.applicationId)));
    expect(audit[0]!.details).toMatchObject({ reason: "schedule", offerId: s.offer.id });
    // settled
    await expect(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "interview" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/déjà été refusée/),
    });
  });

  it("every reason has a label and kind candidate wording", () => {
    for (const r of DECLINE_REASONS) {
      expect(DECLINE_REASON_TEXTS[r].label.length).toBeGreaterThan(5);
      expect(DECLINE_REASON_TEXTS[r].candidate).toMatch(/\.$/);
    }
    expect(declineWording("inconnu")).toBeNull();
    expect(declineWording(null)).toBeNull();
  });
});

describe("refusals", () => {
  it("a withdrawn application cannot be changed", async () => {
    const s = await setup();
    const a = await applied(s);
    await a.caller.applications.withdraw({ applicationId: a.applicationId });
    for (const status of ["interview", "hired"] as const) {
      await expect(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/retiré/),
      });
    }
    // withdrawing took the CV back: no hire from the candidate's page either
    await expect(s.owner.recruiting.recordHire({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, a.profileId) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.db.select().from(placements).where(eq(placements.profileId, a.profileId))).toEqual([]);
  });

  it("a formation application or an unknown id is not an offer's application", async () => {
    const s = await setup();
    const a = await applicant();
    const formation = await makeFormation(h.db, "41018");
    await a.caller.applications.applyToFormation({ formationId: formation.id });
    const [app] = await a.caller.applications.mine();
    await expect(s.owner.recruiting.setStatus({ applicationId: app!.id, status: "interview" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      s.owner.recruiting.setStatus({ applicationId: "00000000-0000-4000-8000-000000000000", status: "interview" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("advisers and beneficiaries cannot answer applications (role guard)", async () => {
    const s = await setup();
    const a = await applied(s);
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await expect(adviser.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(a.caller.recruiting.inbox({ offerId: s.offer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("hiring someone who accepted contact without applying", () => {
  it("records an application straight as hired, with its placement", async () => {
    const s = await setup();
    const p = await applicant();
    await s.owner.proposals.create({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId), message: "Bonjour" });
    // not before the person answers
    await expect(s.owner.recruiting.recordHire({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/accepter votre demande/),
    });
    await p.caller.proposals.answer({ proposalId: (await p.caller.proposals.mine())[0]!.id, accept: true });
    const before = await s.owner.recruiting.candidate({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) });
    expect(before).toMatchObject({ canRecordHire: true, application: null });

    const hired = await s.recruiter.recruiting.recordHire({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) });
    expect(hired).toMatchObject({ status: "hired", hires: 1, positions: 1, suggestMarkFilled: true });
    const [mine] = await p.caller.applications.mine();
    expect(mine).toMatchObject({ id: hired.id, status: "hired" });
    const rows = await h.db.select().from(placements).where(eq(placements.profileId, p.profileId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ applicationId: hired.id, adviserId: p.adviser.id, offerId: s.offer.id });
    const after = await s.owner.recruiting.candidate({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) });
    expect(after).toMatchObject({ canRecordHire: false, application: { status: "hired" } });
    // twice: refused, still one placement
    await expect(s.owner.recruiting.recordHire({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.db.select().from(placements).where(eq(placements.profileId, p.profileId))).toHaveLength(1);
    const inbox = await s.owner.recruiting.inbox({ offerId: s.offer.id });
    expect(inbox.items[0]).toMatchObject({ status: "hired", candidate: { contact: { firstName: "Nadia" } } });
  });

  it("a declined request gives no way to record a hire", async () => {
    const s = await setup();
    const p = await applicant();
    await s.owner.proposals.create({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) });
    await p.caller.proposals.answer({ proposalId: (await p.caller.proposals.mine())[0]!.id, accept: false });
    await expect(s.owner.recruiting.recordHire({ offerId: s.offer.id, candidateId: candidateHandle(s.offer.id, p.profileId) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.db.select().from(placements).where(eq(placements.profileId, p.profileId))).toEqual([]);
  });
});
