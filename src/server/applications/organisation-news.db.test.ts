import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeFormation, makeOffer, makeOrganisation } from "../testing/factories";
import { candidateHandle } from "../recruiting/handles";
import { setAdviser } from "../profiles/assign";
import { digestItems, emailOutbox, notifications } from "../notifications/schema";
import { applications } from "./schema";
import { sendApplicationReminders, sendOfferExpiryReminders } from "./reminders";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function beneficiaryWithCv(insee = "41018") {
  const { caller, user } = await callerAs(h.db, "beneficiary", { firstName: "Nadia" });
  await caller.profile.savePlace({ communeInsee: insee });
  await caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  const v = await caller.profile.saveVisibility({ visible: true });
  await h.db.execute(sql`update beneficiary_profiles set first_name = 'Nadia', last_name = 'Belkacem' where id = ${v.profile!.id}::uuid`);
  return { caller, user, profileId: v.profile!.id };
}

async function told(db: Database, userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function withAdviser(profileId: string) {
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois", firstName: "Claire", lastName: "Martin" });
  await setAdviser(h.db, [profileId], adviser.id);
  return adviser;
}

describe("organisations and advisers hear of applications", () => {
  it("each recruiter of the offer is told of a new application with a link to the inbox, and the person's adviser too", async () => {
    const person = await beneficiaryWithCv();
    const adviser = await withAdviser(person.profileId);
    const company = await makeOrganisation(h.db, "company", 1);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Agent d'entretien" });
    const { id } = await person.caller.applications.applyToOffer({ offerId: offer.id });

    for (const recruiter of [company.owner, company.recruiters[0]!]) {
      const [n] = await told(h.db, recruiter.id);
      expect(n).toMatchObject({ kind: "new_application", link: `/employeur/offres/${offer.id}/candidatures`, eventKey: `application-new:${id}` });
      expect(n!.title).toContain("Agent d'entretien");
      expect(n!.body).toContain("Nadia Belkacem");
      // erased with the person
      expect(n!.aboutProfileId).toBe(person.profileId);
      // organisations get applications by e-mail at once by default
      const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, recruiter.id));
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ category: "new_application", toAddress: recruiter.email });
    }
    const [a] = await told(h.db, adviser.id);
    expect(a).toMatchObject({ link: `/conseiller/personnes/${person.profileId}`, aboutProfileId: person.profileId });
    // advisers' caseload activity waits for the daily digest
    expect(await h.db.select().from(digestItems).where(eq(digestItems.userId, adviser.id))).toHaveLength(1);
  });

  it("a formation registration tells the training organisation's staff, with their formation's page", async () => {
    const person = await beneficiaryWithCv();
    const org = await makeOrganisation(h.db, "training_org");
    const formation = await makeFormation(h.db, "41018", { organisationId: org.employerId, title: "CAP cuisine" });
    await person.caller.applications.applyToFormation({ formationId: formation.id });
    const [n] = await told(h.db, org.owner.id);
    expect(n).toMatchObject({ kind: "new_application", link: `/organisme/formations/${formation.id}` });
    expect(n!.title).toBe("Nouvelle inscription à « CAP cuisine »");
  });

  it("an organisation's first answer sets answered_at once", async () => {
    const person = await beneficiaryWithCv();
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    const { id } = await person.caller.applications.applyToOffer({ offerId: offer.id });
    await employer.recruiting.inbox({ offerId: offer.id });
    const seen = await h.db.select().from(applications).where(eq(applications.id, id));
    expect(seen[0]).toMatchObject({ status: "seen", answeredAt: null });
    await employer.recruiting.setStatus({ applicationId: id, status: "interview" });
    const [first] = await h.db.select().from(applications).where(eq(applications.id, id));
    expect(first!.answeredAt).toBeInstanceOf(Date);
    await employer.recruiting.setStatus({ applicationId: id, status: "declined", reason: "position_filled" });
    const [second] = await h.db.select().from(applications).where(eq(applications.id, id));
    expect(second!.answeredAt!.getTime()).toBe(first!.answeredAt!.getTime());
  });
});

describe("contact answers", () => {
  it("the requesting recruiter is told: the person's name after acceptance, only the pseudonym after a refusal", async () => {
    const company = await makeOrganisation(h.db, "company", 1);
    const asker = await callerFor(h.db, company.recruiters[0]!.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Cariste" });
    const yes = await beneficiaryWithCv();
    const no = await beneficiaryWithCv();
    const p1 = await asker.proposals.create({ candidateId: candidateHandle(offer.id, yes.profileId), offerId: offer.id });
    const p2 = await asker.proposals.create({ candidateId: candidateHandle(offer.id, no.profileId), offerId: offer.id });
    await yes.caller.proposals.answer({ proposalId: p1.id, accept: true });
    await no.caller.proposals.answer({ proposalId: p2.id, accept: false });

    const mine = await told(h.db, company.recruiters[0]!.id);
    const accepted = mine.find((n) => n.eventKey === `contact-answer:${p1.id}`)!;
    const declined = mine.find((n) => n.eventKey === `contact-answer:${p2.id}`)!;
    expect(accepted.title).toBe("Nadia Belkacem accepte votre demande de contact");
    expect(accepted.link).toBe(`/employeur/offres/${offer.id}/candidats/${candidateHandle(offer.id, yes.profileId)}`);
    expect(declined.title).toMatch(/^Candidat N\. \(réf\. [A-Z2-9]{6}\) a décliné/);
    expect(`${declined.title} ${declined.body} ${declined.link}`).not.toContain("Belkacem");
    expect(`${declined.link}`).not.toContain(candidateHandle(offer.id, no.profileId));
    // the owner did not ask: not told
    expect((await told(h.db, company.owner.id)).filter((n) => n.kind === "contact_answer")).toEqual([]);
  });
});

describe("reminders", () => {
  it("unanswered applications: a reminder at 7 days, the last one at 15 with the adviser told, each once; answered ones never", async () => {
    const person = await beneficiaryWithCv();
    const adviser = await withAdviser(person.profileId);
    const company = await makeOrganisation(h.db, "company", 1);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Vendeur" });
    const { id } = await person.caller.applications.applyToOffer({ offerId: offer.id });
    const other = await beneficiaryWithCv();
    const answered = await other.caller.applications.applyToOffer({ offerId: offer.id });
    await (await callerFor(h.db, company.owner.id)).recruiting.setStatus({ applicationId: answered.id, status: "interview" });
    const sentAt = new Date(Date.now() - 60_000);
    await h.db.update(applications).set({ createdAt: sentAt }).where(eq(applications.offerId, offer.id));

    const day = 24 * 3600_000;
    const reminderOf = async (userId: string) =>
      (await told(h.db, userId)).filter((n) => n.kind === "application_reminder" && n.eventKey?.includes(id)).map((n) => n.eventKey);
    await sendApplicationReminders(h.db, { now: new Date(sentAt.getTime() + 6 * day) });
    expect(await reminderOf(company.owner.id)).toEqual([]);

    await sendApplicationReminders(h.db, { now: new Date(sentAt.getTime() + 7 * day + 1000) });
    await sendApplicationReminders(h.db, { now: new Date(sentAt.getTime() + 8 * day) });
    expect(await reminderOf(company.owner.id)).toEqual([`application-reminder:${id}:7`]);
    expect(await reminderOf(company.recruiters[0]!.id)).toEqual([`application-reminder:${id}:7`]);
    expect((await told(h.db, adviser.id)).filter((n) => n.kind === "application_unanswered")).toEqual([]);

    await sendApplicationReminders(h.db, { now: new Date(sentAt.getTime() + 15 * day + 1000) });
    await sendApplicationReminders(h.db, { now: new Date(sentAt.getTime() + 16 * day) });
    expect((await reminderOf(company.owner.id)).sort()).toEqual([`application-reminder:${id}:15`, `application-reminder:${id}:7`]);
    const last = (await told(h.db, company.owner.id)).find((n) => n.eventKey === `application-reminder:${id}:15`)!;
    expect(last.title).toMatch(/^Dernier rappel/);
    const alerts = (await told(h.db, adviser.id)).filter((n) => n.kind === "application_unanswered");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ eventKey: `application-unanswered:${id}`, aboutProfileId: person.profileId });
    // the answered application was never reminded
    const all = await h.db.select().from(notifications).where(sql`${notifications.eventKey} like ${`application-reminder:${answered.id}%`}`);
    expect(all).toEqual([]);
  });

  it("an offer expiring within 3 days: its recruiters are told once", async () => {
    const company = await makeOrganisation(h.db);
    const today = instanceToday();
    const soon = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Serveur", expiresOn: addDays(today, 3) });
    const later = await makeOffer(h.db, "41018", { employerId: company.employerId, expiresOn: addDays(today, 10) });
    await sendOfferExpiryReminders(h.db, { today });
    await sendOfferExpiryReminders(h.db, { today: addDays(today, 1) });
    const mine = (await told(h.db, company.owner.id)).filter((n) => n.kind === "offer_expiry");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ link: `/employeur/offres/${soon.id}`, title: "Votre offre « Serveur » expire bientôt" });
    expect(mine.some((n) => n.eventKey?.includes(later.id))).toBe(false);
  });
});

describe("hires are followed by someone", () => {
  it("a hire of a person with an adviser: the adviser is told and the employer reads their name", async () => {
    const person = await beneficiaryWithCv();
    const adviser = await withAdviser(person.profileId);
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Magasinier" });
    const { id } = await person.caller.applications.applyToOffer({ offerId: offer.id });
    const change = await employer.recruiting.setStatus({ applicationId: id, status: "hired" });
    expect(change.followUp).toEqual({ kind: "adviser", firstName: "Claire", lastName: "Martin" });
    const hire = (await told(h.db, adviser.id)).find((n) => n.kind === "hire")!;
    expect(hire).toMatchObject({ eventKey: `hire:${change.placementId}`, link: `/conseiller/personnes/${person.profileId}` });
    expect(hire.title).toBe("Embauche de Nadia Belkacem");
  });

  it("a hire of a person nobody follows: every adviser of the territory is told, the employer reads who will take it", async () => {
    const person = await beneficiaryWithCv();
    const blois = [await makeUser(h.db, "adviser", { territoryCode: "blois" }), await makeUser(h.db, "adviser", { territoryCode: "blois" })];
    const elsewhere = await makeUser(h.db, "adviser", { territoryCode: "vendome" });
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    const p = await employer.proposals.create({ candidateId: candidateHandle(offer.id, person.profileId), offerId: offer.id });
    await person.caller.proposals.answer({ proposalId: p.id, accept: true });
    const change = await employer.recruiting.recordHire({ offerId: offer.id, candidateId: candidateHandle(offer.id, person.profileId) });
    expect(change.followUp).toMatchObject({ kind: "territory", territoryName: expect.any(String) });
    for (const a of blois) {
      const [n] = (await told(h.db, a.id)).filter((x) => x.kind === "hire_to_follow");
      expect(n).toMatchObject({ eventKey: `hire-to-follow:${change.placementId}`, link: "/conseiller/suivi#a-prendre", aboutProfileId: person.profileId });
    }
    expect((await told(h.db, elsewhere.id)).filter((x) => x.kind === "hire_to_follow")).toEqual([]);
    const rows = await h.db.select().from(notifications).where(and(eq(notifications.kind, "hire_to_follow"), eq(notifications.aboutProfileId, person.profileId)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
