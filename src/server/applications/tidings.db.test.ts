import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { emailOutbox, messageOutbox, notifications } from "../notifications/schema";
import { savePreference } from "../notifications/preferences";
import { candidateHandle } from "../recruiting/handles";
import { DECLINE_REASON_TEXTS } from "../recruiting/decline-reasons";
import { FORMATION_DECLINE_REASON_TEXT } from "../formations/labels";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { makeFormation, makeOffer, makeOrganisation, makeProfile } from "../testing/factories";
import { apply } from "./domain";

// The person is told, once, on the channels they chose, when an organisation or an adviser acts.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function person(opts: { phone?: string | null; lastName?: string } = {}) {
  const user = await makeUser(h.db, "beneficiary", { firstName: "Nadia" });
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  const profile = await makeProfile(h.db, "41018", {
    userId: user.id,
    adviserId: adviser.id,
    territoryCode: "blois",
    firstName: "Nadia",
    lastName: opts.lastName ?? "Benali",
    phone: opts.phone === undefined ? "+33612345678" : opts.phone,
  });
  return { user, profileId: profile.id, caller: await callerFor(h.db, user.id), adviser: await callerFor(h.db, adviser.id) };
}

async function company() {
  const c = await makeOrganisation(h.db, "company", 0);
  const offer = await makeOffer(h.db, "41018", { employerId: c.employerId, title: "Agent de service hospitalier" });
  return { offer, ownerId: c.owner.id, owner: await callerFor(h.db, c.owner.id) };
}

const inApp = (userId: string) => h.db.select().from(notifications).where(eq(notifications.userId, userId));
const mails = (userId: string) => h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
const texts = (userId: string) =>
  h.db.select().from(messageOutbox).where(and(eq(messageOutbox.userId, userId), eq(messageOutbox.channel, "sms")));

describe("beneficiaries are told", () => {
  it("a company's contact request: in the app, by e-mail and by a short SMS with the first name only", async () => {
    const p = await person();
    const c = await company();
    await c.owner.proposals.create({ offerId: c.offer.id, candidateId: candidateHandle(c.offer.id, p.profileId), message: "Nous aimerions vous rencontrer." });
    const [note] = await inApp(p.user.id);
    expect(note).toMatchObject({ kind: "contact_request", title: "Un employeur veut vous rencontrer", link: "/beneficiaire/propositions" });
    expect(note!.body).toContain("Agent de service hospitalier");
    const [mail] = await mails(p.user.id);
    expect(mail).toMatchObject({ category: "contact_request", eventKey: note!.eventKey });
    const [sms] = await texts(p.user.id);
    expect(sms!.toAddress).toBe("+33612345678");
    expect(sms!.body).toMatch(/^Nadia, un employeur veut vous rencontrer\. Voir : .*\/beneficiaire\/propositions/);
    expect(sms!.body).not.toContain("Benali");
    expect(sms!.body).not.toContain("Agent de service");
    expect(sms!.body.length).toBeLessThanOrEqual(160);
  });

  it("an adviser's proposal, under its own category; no SMS without a phone", async () => {
    const p = await person({ phone: null });
    const c = await company();
    await p.adviser.proposals.create({ profileId: p.profileId, offerId: c.offer.id, message: "À voir ensemble" });
    const notes = await inApp(p.user.id);
    expect(notes.map((n) => n.kind)).toEqual(["proposal"]);
    expect(notes[0]!.title).toBe("Votre conseiller vous propose une offre");
    expect((await mails(p.user.id)).map((m) => m.category)).toEqual(["proposal"]);
    expect(await texts(p.user.id)).toEqual([]);
  });

  it("an application read, then declined with the kind words of the reason (never the employer's label); each once", async () => {
    const p = await person();
    const c = await company();
    const { id } = await apply(h.db, p.profileId, { offerId: c.offer.id }, null);
    await c.owner.recruiting.inbox({ offerId: c.offer.id });
    await c.owner.recruiting.inbox({ offerId: c.offer.id }); // opened again: nothing new
    await c.owner.recruiting.setStatus({ applicationId: id, status: "declined", reason: "schedule" });
    const notes = await inApp(p.user.id);
    expect(notes.map((n) => n.eventKey).sort()).toEqual([`application-declined:${id}`, `application-seen:${id}`]);
    const declined = notes.find((n) => n.eventKey?.startsWith("application-declined"))!;
    expect(declined.body).toContain(DECLINE_REASON_TEXTS.schedule.candidate);
    expect(declined.body).not.toContain(DECLINE_REASON_TEXTS.schedule.label);
    // application_update: e-mail and push by default, not SMS
    expect((await mails(p.user.id)).map((m) => m.eventKey).sort()).toEqual(notes.map((n) => n.eventKey).sort());
    expect(await texts(p.user.id)).toEqual([]);
  });

  it("a hire, and the channels follow the person's choice (SMS asked, e-mail turned off)", async () => {
    const p = await person();
    await savePreference(h.db, p.user.id, { category: "application_update", channels: ["sms"], frequency: "immediately" });
    const c = await company();
    const { id } = await apply(h.db, p.profileId, { offerId: c.offer.id }, null);
    await c.owner.recruiting.setStatus({ applicationId: id, status: "hired" });
    const notes = await inApp(p.user.id);
    expect(notes.map((n) => n.eventKey)).toEqual([`application-hired:${id}`]);
    expect(await mails(p.user.id)).toEqual([]);
    expect((await texts(p.user.id)).map((t) => t.eventKey)).toEqual([`application-hired:${id}`]);
  });

  it("a hire after an accepted contact request (no application) tells the person too", async () => {
    const p = await person();
    const c = await company();
    await c.owner.proposals.create({ offerId: c.offer.id, candidateId: candidateHandle(c.offer.id, p.profileId) });
    await p.caller.proposals.answer({ proposalId: (await p.caller.proposals.mine())[0]!.id, accept: true });
    await c.owner.recruiting.recordHire({ offerId: c.offer.id, candidateId: candidateHandle(c.offer.id, p.profileId) });
    expect((await inApp(p.user.id)).map((n) => n.kind).sort()).toEqual(["application_update", "contact_request"]);
  });

  it("a formation registration confirmed, another refused with the kind reason", async () => {
    const org = await makeOrganisation(h.db, "training_org", 0);
    const orgCaller = await callerFor(h.db, org.owner.id);
    const formation = await makeFormation(h.db, "41018", { organisationId: org.employerId, title: "Titre professionnel ADVF" });
    const yes = await person();
    const no = await person();
    const a = await apply(h.db, yes.profileId, { formationId: formation.id }, null);
    const b = await apply(h.db, no.profileId, { formationId: formation.id }, null);
    await orgCaller.formations.answer({ applicationId: a.id, status: "hired" });
    await orgCaller.formations.answer({ applicationId: b.id, status: "declined", reason: "dates" });
    const [confirmed] = await inApp(yes.user.id);
    expect(confirmed).toMatchObject({ title: "Votre inscription en formation est confirmée", eventKey: `registration-confirmed:${a.id}` });
    expect(confirmed!.body).toContain("Titre professionnel ADVF");
    const [refused] = await inApp(no.user.id);
    expect(refused!.body).toContain(FORMATION_DECLINE_REASON_TEXT.dates.forPerson);
    expect(refused!.body).not.toContain(FORMATION_DECLINE_REASON_TEXT.dates.label);
  });

  it("someone without an account is told nothing (no address to reach), and nothing fails", async () => {
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const profile = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois" });
    const c = await company();
    const { id } = await apply(h.db, profile.id, { offerId: c.offer.id }, null);
    await c.owner.recruiting.setStatus({ applicationId: id, status: "interview" });
    // the organisation's recruiter and the adviser hear of the application (organisation news);
    // nothing is meant for the person, who has no account to reach
    const about = await h.db.select().from(notifications).where(eq(notifications.aboutProfileId, profile.id));
    expect(about.map((n) => n.userId).sort()).toEqual([adviser.id, c.ownerId].sort());
    expect(about.map((n) => n.kind).sort()).toEqual(["caseload_application", "new_application"]);
  });
});
