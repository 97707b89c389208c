// Issue 18 (adviser): applying on someone's behalf. An adviser applies for a person they
// follow, with the person's agreement recorded (who and when); the employer sees who
// prescribed it, the person sees it among their applications; nobody else may do it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { callerFor, makeUser } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import { makeOffer, makeOrganisation, makeProfile } from "../testing/factories";
import { applications } from "./schema";
import { AGREEMENT_MISSING } from "./domain";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function setup() {
  const c = await makeOrganisation(h.db, "company", 0);
  const offer = await makeOffer(h.db, "41018", { employerId: c.employerId, title: "Agent d'entretien" });
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois", firstName: "Claire", lastName: "Martin" });
  const user = await makeUser(h.db, "beneficiary");
  const profile = await makeProfile(h.db, "41018", { userId: user.id, adviserId: adviser.id, firstName: "Samia" });
  return {
    offer,
    employer: await callerFor(h.db, c.owner.id),
    adviserId: adviser.id,
    adviser: await callerFor(h.db, adviser.id),
    person: await callerFor(h.db, user.id),
    profileId: profile.id,
  };
}

describe("an adviser applies for a person of their caseload", () => {
  it("with the agreement ticked: the application is sent, the agreement kept with who and when", async () => {
    const s = await setup();
    const sent = await s.adviser.applications.prescribe({
      profileId: s.profileId,
      offerId: s.offer.id,
      message: "Samia a travaillé deux ans en nettoyage industriel.",
      agreement: true,
    });
    const [app] = await h.db.select().from(applications).where(eq(applications.id, sent.id));
    expect(app).toMatchObject({ profileId: s.profileId, offerId: s.offer.id, status: "sent" });
    const [entry] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.prescribe"), eq(auditEvents.subjectId, sent.id)));
    expect(entry).toMatchObject({ actorId: s.adviserId, details: { agreementRecordedBy: s.adviserId, profileId: s.profileId } });
    expect(Date.parse(String(entry!.details.agreementAt))).not.toBeNaN();

    // the employer sees who prescribed it, and the person's message
    const inbox = await s.employer.recruiting.inbox({ offerId: s.offer.id });
    expect(inbox.items[0]).toMatchObject({
      message: "Samia a travaillé deux ans en nettoyage industriel.",
      prescriber: { name: "Claire Martin", structure: expect.stringMatching(/^Département de Loir-et-Cher — territoire Blois$/) },
      candidate: { contact: { firstName: "Samia" } },
    });
    // the person sees the application, and who sent it for them
    expect((await s.person.applications.mine())[0]).toMatchObject({ id: sent.id, prescribedBy: "Claire Martin" });
  });

  it("without the agreement: refused on the checkbox, nothing sent", async () => {
    const s = await setup();
    const errors = await fieldErrors(s.adviser.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: false }));
    expect(errors.agreement).toEqual([AGREEMENT_MISSING]);
    const missing = await fieldErrors(s.adviser.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id } as never));
    expect(missing.agreement).toEqual([AGREEMENT_MISSING]);
    expect(await h.db.select().from(applications).where(eq(applications.profileId, s.profileId))).toHaveLength(0);
  });

  it("twice for the same offer: said in French; a person's own application shows no prescriber", async () => {
    const s = await setup();
    await s.person.applications.applyToOffer({ offerId: s.offer.id });
    const errors = await fieldErrors(s.adviser.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: true }));
    expect(errors.offerId?.[0]).toMatch(/déjà postulé/);
    const inbox = await s.employer.recruiting.inbox({ offerId: s.offer.id });
    expect(inbox.items[0]!.prescriber).toBeNull();
    expect((await s.person.applications.mine())[0]!.prescribedBy).toBeNull();
  });

  it("another adviser, even of the same territory, may not; an unassigned person must be taken first", async () => {
    const s = await setup();
    const other = await callerFor(h.db, (await makeUser(h.db, "adviser", { territoryCode: "blois" })).id);
    await expect(other.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a person of the territory nobody follows yet: visible, but taken in one's caseload first
    const unassigned = await makeProfile(h.db, "41018", { firstName: "Léon", territoryCode: "blois" });
    const errors = await fieldErrors(other.applications.prescribe({ profileId: unassigned.id, offerId: s.offer.id, agreement: true }));
    expect(errors.profileId?.[0]).toMatch(/Prenez d'abord cette personne dans votre suivi/);
    const far = await callerFor(h.db, (await makeUser(h.db, "adviser", { territoryCode: "vendome" })).id);
    await expect(far.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(applications).where(eq(applications.profileId, s.profileId))).toHaveLength(0);
  });

  it("employers and beneficiaries may not call it", async () => {
    const s = await setup();
    await expect(s.employer.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(s.person.applications.prescribe({ profileId: s.profileId, offerId: s.offer.id, agreement: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a closed offer is refused", async () => {
    const s = await setup();
    const c = await makeOrganisation(h.db, "company", 0);
    const draft = await makeOffer(h.db, "41018", { employerId: c.employerId, status: "draft" });
    const errors = await fieldErrors(s.adviser.applications.prescribe({ profileId: s.profileId, offerId: draft.id, agreement: true }));
    expect(errors.offerId?.[0]).toMatch(/plus ouverte/);
  });
});
