import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeOffer, makeOrganisation } from "../testing/factories";
import { setAdviser } from "../profiles/assign";
import { notifications } from "../notifications/schema";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";
import { checkIns, employerCheckIns } from "./schema";
import { answerCheckInLink, checkInLinkView, hashCheckInToken, sendEmployerCheckIns } from "./employer-check-ins";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/** A hire through an offer of a company with two recruiters, for a person an adviser follows. */
async function hire() {
  const { caller: person } = await callerAs(h.db, "beneficiary");
  await person.profile.savePlace({ communeInsee: "41018" });
  await person.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  const v = await person.profile.saveVisibility({ visible: true });
  const profileId = v.profile!.id;
  await h.db.execute(sql`update beneficiary_profiles set first_name = 'Lucas', last_name = 'Moreau' where id = ${profileId}::uuid`);
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  await setAdviser(h.db, [profileId], adviser.id);
  const company = await makeOrganisation(h.db, "company", 1);
  const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Préparateur de commandes" });
  const { id } = await person.applications.applyToOffer({ offerId: offer.id });
  const change = await (await callerFor(h.db, company.owner.id)).recruiting.setStatus({ applicationId: id, status: "hired" });
  const [first] = await h.db.select().from(checkIns).where(eq(checkIns.placementId, change.placementId!)).orderBy(checkIns.monthsAfter);
  return { profileId, adviser, company, placementId: change.placementId!, checkIn: first! };
}

const tokenOf = async (userId: string) => {
  const [n] = await h.db.select().from(notifications).where(sql`${notifications.userId} = ${userId}::uuid and ${notifications.kind} = 'hire_check_in'`);
  return n ? n.link!.replace("/suivi-embauche/", "") : null;
};

describe("employers' check-in links", () => {
  it("at the due date each recruiter gets a link (only its hash stored); the first answer counts, once, and the adviser is told", async () => {
    const { profileId, adviser, company, checkIn } = await hire();
    const today = instanceToday();
    await sendEmployerCheckIns(h.db, { today: addDays(checkIn.dueOn, -1) });
    expect(await tokenOf(company.owner.id)).toBeNull();

    await sendEmployerCheckIns(h.db, { today: checkIn.dueOn });
    await sendEmployerCheckIns(h.db, { today: checkIn.dueOn });
    const ownerToken = (await tokenOf(company.owner.id))!;
    const otherToken = (await tokenOf(company.recruiters[0]!.id))!;
    expect(ownerToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(otherToken).not.toBe(ownerToken);
    const rows = await h.db.select().from(employerCheckIns).where(eq(employerCheckIns.checkInId, checkIn.id));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashCheckInToken(ownerToken), hashCheckInToken(otherToken)].sort());
    const [n] = await h.db.select().from(notifications).where(sql`${notifications.userId} = ${company.owner.id}::uuid and ${notifications.kind} = 'hire_check_in'`);
    expect(n!.title).toBe("Lucas Moreau est-il toujours chez vous ?");

    // opening the link records nothing
    expect(await checkInLinkView(h.db, ownerToken)).toMatchObject({ state: "open", personName: "Lucas Moreau", monthsAfter: 1, answer: null });
    expect(await answerCheckInLink(h.db, ownerToken, { answer: "left" })).toEqual({ outcome: "invalid", error: "left-on" });
    expect(await answerCheckInLink(h.db, ownerToken, { answer: "left", leftOn: addDays(today, 1) })).toEqual({ outcome: "invalid", error: "left-on-future" });
    expect(await answerCheckInLink(h.db, ownerToken, { answer: "maybe" })).toEqual({ outcome: "invalid", error: "answer" });

    const done = await answerCheckInLink(h.db, ownerToken, { answer: "still_there" });
    expect(done).toMatchObject({ outcome: "recorded", view: { state: "answered", answer: "still_there" } });
    // the colleague's link, and the same link again: already answered, with the answer
    expect(await answerCheckInLink(h.db, otherToken, { answer: "unknown" })).toMatchObject({ outcome: "already", view: { answer: "still_there" } });
    expect(await answerCheckInLink(h.db, ownerToken, { answer: "left", leftOn: today })).toMatchObject({ outcome: "already", view: { answer: "still_there" } });
    expect(await checkInLinkView(h.db, otherToken)).toMatchObject({ state: "answered", answer: "still_there" });

    const told = await h.db.select().from(notifications).where(sql`${notifications.userId} = ${adviser.id}::uuid and ${notifications.kind} = 'employer_check_in'`);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ aboutProfileId: profileId, link: `/conseiller/personnes/${profileId}` });
    expect(told[0]!.body).toContain("Lucas Moreau est toujours en poste");

    // shown beside the adviser's own check-in, which stays pending (the adviser's counts)
    const file = await (await callerFor(h.db, adviser.id)).followup.placementsOfProfile({ profileId });
    const shown = file.placements[0]!.checkIns.find((c) => c.id === checkIn.id)!;
    expect(shown.status).toBe("pending");
    expect(shown.employerAnswer).toMatchObject({ answer: "still_there", label: "Toujours là" });
  });

  it("an unknown or expired token says so, and records nothing", async () => {
    const { company, checkIn } = await hire();
    await sendEmployerCheckIns(h.db, { today: checkIn.dueOn });
    const token = (await tokenOf(company.owner.id))!;
    expect(await checkInLinkView(h.db, "x".repeat(43))).toEqual({ state: "unknown" });
    expect(await checkInLinkView(h.db, "not a token")).toEqual({ state: "unknown" });
    expect(await answerCheckInLink(h.db, "y".repeat(43), { answer: "still_there" })).toEqual({ outcome: "unknown" });
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await checkInLinkView(h.db, token, later)).toMatchObject({ state: "expired" });
    expect(await answerCheckInLink(h.db, token, { answer: "still_there" }, later)).toEqual({ outcome: "expired" });
    const rows = await h.db.select().from(employerCheckIns).where(eq(employerCheckIns.checkInId, checkIn.id));
    expect(rows.every((r) => r.answer === null)).toBe(true);
  });

  it("a company's answer that the person left gives the date to the adviser", async () => {
    const { adviser, company, checkIn } = await hire();
    await sendEmployerCheckIns(h.db, { today: checkIn.dueOn });
    const token = (await tokenOf(company.owner.id))!;
    const today = instanceToday();
    const result = await answerCheckInLink(h.db, token, { answer: "left", leftOn: today });
    expect(result).toMatchObject({ outcome: "recorded", view: { answer: "left", leftOn: today } });
    const [n] = await h.db.select().from(notifications).where(sql`${notifications.userId} = ${adviser.id}::uuid and ${notifications.kind} = 'employer_check_in'`);
    expect(n!.body).toMatch(/Lucas Moreau est parti\(e\) le/);
  });
});
