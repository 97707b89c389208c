// Issue 18 (employer): recording a hire asks for the start date (default today) and can be
// undone for 24 hours — the placement and its check-ins go, the application is back where it
// was, audited; what the person was told stays told. After 24 hours, refused in French.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "../applications/schema";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { checkIns, placements } from "../followup/schema";
import { notifications } from "../notifications/schema";
import { instanceToday } from "../config/time-zone";
import { addDays, addMonths } from "../../lib/dates";
import { callerFor, makeUser } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import { FieldErrors } from "../lib/field-errors";
import { makeOffer, makeOrganisation, makeProfile } from "../testing/factories";
import { candidateHandle } from "./handles";
import { HIRE_UNDO_TOO_LATE, undoHire } from "./inbox";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function setup() {
  const c = await makeOrganisation(h.db, "company", 0);
  const offer = await makeOffer(h.db, "41018", { employerId: c.employerId, title: "Cariste" });
  return { ownerId: c.owner.id, owner: await callerFor(h.db, c.owner.id), offer };
}

async function applicant() {
  const user = await makeUser(h.db, "beneficiary");
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  const profile = await makeProfile(h.db, "41018", { userId: user.id, adviserId: adviser.id, firstName: "Karim" });
  return { userId: user.id, profileId: profile.id, caller: await callerFor(h.db, user.id) };
}

async function applied(s: Awaited<ReturnType<typeof setup>>) {
  const a = await applicant();
  await a.caller.applications.applyToOffer({ offerId: s.offer.id });
  const [mine] = await a.caller.applications.mine();
  return { ...a, applicationId: mine!.id };
}

const placementsOf = (profileId: string) => h.db.select().from(placements).where(eq(placements.profileId, profileId));
const notificationsOf = (userId: string) => h.db.select().from(notifications).where(eq(notifications.userId, userId));

describe("the start date of a hire", () => {
  it("is the date the employer gives; without one, the offer's start date or today", async () => {
    const s = await setup();
    const a = await applied(s);
    const startsOn = addDays(instanceToday(), 10);
    const hired = await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired", startsOn });
    expect(hired.undoUntil).toBeInstanceOf(Date);
    expect((await placementsOf(a.profileId))[0]).toMatchObject({ startsOn });

    const b = await applied(s);
    await s.owner.recruiting.setStatus({ applicationId: b.applicationId, status: "hired" });
    expect((await placementsOf(b.profileId))[0]).toMatchObject({ startsOn: instanceToday() });
  });

  it("more than a year back or ahead is refused on the date field", async () => {
    const s = await setup();
    const a = await applied(s);
    const errors = await fieldErrors(
      s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired", startsOn: addMonths(instanceToday(), 13) }),
    );
    expect(errors.startsOn?.[0]).toMatch(/un an/);
    const bad = await fieldErrors(s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired", startsOn: "31/12/2026" }));
    expect(bad.startsOn?.[0]).toMatch(/date d'embauche/);
    expect(await placementsOf(a.profileId)).toHaveLength(0);
  });
});

describe("undoing a hire", () => {
  it("within 24 hours: placement and check-ins gone, the application back to interview, audited; the person's messages stay", async () => {
    const s = await setup();
    const a = await applied(s);
    await s.owner.recruiting.inbox({ offerId: s.offer.id }); // read
    await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "interview" });
    const [before] = await h.db.select().from(applications).where(eq(applications.id, a.applicationId));
    const hired = await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    const placementId = hired.placementId!;
    expect(await h.db.select().from(checkIns).where(eq(checkIns.placementId, placementId))).toHaveLength(3);
    const told = (await notificationsOf(a.userId)).length;

    expect(await s.owner.recruiting.undoHire({ applicationId: a.applicationId })).toEqual({ id: a.applicationId, status: "interview" });

    expect(await placementsOf(a.profileId)).toHaveLength(0);
    expect(await h.db.select().from(checkIns).where(eq(checkIns.placementId, placementId))).toHaveLength(0);
    const [after] = await h.db.select().from(applications).where(eq(applications.id, a.applicationId));
    expect(after).toMatchObject({ status: "interview", answeredAt: before!.answeredAt });
    expect((await a.caller.applications.mine())[0]!.status).toBe("interview");
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.hire_undo"), eq(auditEvents.subjectId, a.applicationId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: s.ownerId, details: { placementId, backTo: "interview" } });
    // nothing is taken back from what was sent: the screen says the person was told
    expect((await notificationsOf(a.userId)).length).toBe(told);
    // and the hire can be recorded again
    await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    expect(await placementsOf(a.profileId)).toHaveLength(1);
  });

  it("a hire straight from the inbox (never answered before) goes back to read, without an answer date", async () => {
    const s = await setup();
    const a = await applied(s);
    await s.owner.recruiting.inbox({ offerId: s.offer.id });
    await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    await s.owner.recruiting.undoHire({ applicationId: a.applicationId });
    const [after] = await h.db.select().from(applications).where(eq(applications.id, a.applicationId));
    expect(after).toMatchObject({ status: "seen", answeredAt: null });
  });

  it("a hire after a contact request: the application made for it goes too", async () => {
    const s = await setup();
    const p = await applicant();
    const candidateId = candidateHandle(s.offer.id, p.profileId);
    await s.owner.proposals.create({ offerId: s.offer.id, candidateId, message: null });
    await p.caller.proposals.answer({ proposalId: (await p.caller.proposals.mine())[0]!.id, accept: true });
    const hired = await s.owner.recruiting.recordHire({ offerId: s.offer.id, candidateId, startsOn: instanceToday() });
    expect(await s.owner.recruiting.undoHire({ applicationId: hired.id })).toEqual({ id: hired.id, status: null });
    expect(await h.db.select().from(applications).where(eq(applications.id, hired.id))).toHaveLength(0);
    expect(await placementsOf(p.profileId)).toHaveLength(0);
  });

  it("after 24 hours: refused with a French message, nothing changes", async () => {
    const s = await setup();
    const a = await applied(s);
    await s.owner.recruiting.setStatus({ applicationId: a.applicationId, status: "hired" });
    const [placement] = await placementsOf(a.profileId);
    const later = new Date(placement!.createdAt.getTime() + 24 * 3_600_000 + 60_000);
    const refused = await undoHire(h.db, s.ownerId, a.applicationId, later).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldErrors);
    expect((refused as FieldErrors).fields.status).toEqual([HIRE_UNDO_TOO_LATE]);
    expect(await placementsOf(a.profileId)).toHaveLength(1);
    // just before the 24 hours, it still works
    const inTime = new Date(placement!.createdAt.getTime() + 23 * 3_600_000);
    await undoHire(h.db, s.ownerId, a.applicationId, inTime);
    expect(await placementsOf(a.profileId)).toHaveLength(0);
  });

  it("another company cannot undo it; an application that is not a hire cannot be undone", async () => {
    const s = await setup();
    const other = await setup();
    const a = await applied(s);
    await expect(other.owner.recruiting.undoHire({ applicationId: a.applicationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const errors = await fieldErrors(s.owner.recruiting.undoHire({ applicationId: a.applicationId }));
    expect(errors.status?.[0]).toMatch(/pas \(ou plus\) marquée comme embauchée/);
  });
});
