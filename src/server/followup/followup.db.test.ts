import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, proposals } from "../applications/schema";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { checkIns, placements } from "./schema";
import { setApplicationStatus } from "../recruiting/inbox";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { instanceToday } from "../config/time-zone";
import { addDays, addMonths } from "../../lib/dates";
import { fieldErrors } from "../testing/errors";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openDb();
});
afterAll(async () => {
  await h?.close();
});
async function openDb() {
  const { openTestDatabase } = await import("../testing/db");
  return openTestDatabase();
}

const today = instanceToday();

async function adviserWithPerson() {
  const { user, caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
  const profile = await makeProfile(h.db, "41018", { adviserId: user.id, territoryCode: "blois" });
  return { adviser: user, caller, profileId: profile.id };
}

const manual = (profileId: string, startsOn: string) => ({
  profileId,
  employerName: "Boulangerie Martin",
  jobTitle: "Vendeuse en boulangerie",
  romeCode: "D1106",
  contract: "cdd" as const,
  startsOn,
  hoursPerWeek: 24,
});

describe("placements get their three check-ins", () => {
  it("an employer's hire creates the placement with check-ins at +1, +3 and +6 months", async () => {
    const { adviser, caller, profileId } = await adviserWithPerson();
    const company = await makeOrganisation(h.db);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, startsOn: "2020-01-31" });
    const [app] = await h.db.insert(applications).values({ profileId, offerId: offer.id, status: "interview" }).returning();
    const change = await setApplicationStatus(h.db, company.owner.id, { applicationId: app!.id, status: "hired" });
    const [pl] = await h.db.select().from(placements).where(eq(placements.id, change.placementId!));
    expect(pl).toMatchObject({ startsOn: today, adviserId: adviser.id, source: "employer" });
    const cis = await h.db.select().from(checkIns).where(eq(checkIns.placementId, pl!.id));
    expect(cis.map((c) => [c.monthsAfter, c.dueOn, c.status]).sort()).toEqual([
      [1, addMonths(today, 1), "pending"],
      [3, addMonths(today, 3), "pending"],
      [6, addMonths(today, 6), "pending"],
    ]);
    const view = await caller.followup.placementsOfProfile({ profileId });
    expect(view.placements).toHaveLength(1);
    expect(view.placements[0]!.checkIns.map((c) => c.state)).toEqual(["upcoming", "upcoming", "upcoming"]);
  });

  it("a placement recorded by hand seven months ago has its three check-ins overdue", async () => {
    const { caller, profileId } = await adviserWithPerson();
    const startsOn = addMonths(today, -7);
    const { id } = await caller.followup.createPlacement(manual(profileId, startsOn));
    const [pl] = await h.db.select().from(placements).where(eq(placements.id, id));
    expect(pl).toMatchObject({ source: "adviser", employerName: "Boulangerie Martin", hoursPerWeek: 24, contract: "cdd", startsOn });
    const due = await caller.followup.due();
    expect(due.dueThisWeek).toEqual([]);
    expect(due.overdue.map((d) => d.monthsAfter)).toEqual([1, 3, 6]);
    expect(due.overdue.every((d) => d.profileId === profileId && d.daysLate > 0)).toBe(true);
    const view = await caller.followup.placementsOfProfile({ profileId });
    expect(view.placements[0]!.checkIns.map((c) => c.state)).toEqual(["overdue", "overdue", "overdue"]);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual(["placement.create"]);
  });

  it("a hand-recorded start six months ago puts the 6-month check-in in this week's list", async () => {
    const { caller, profileId } = await adviserWithPerson();
    // a day of this week whose day of the month exists six months earlier (no month-end clamping)
    let target = addDays(today, 1);
    while (Number(target.slice(8)) > 28) target = addDays(target, 1);
    await caller.followup.createPlacement(manual(profileId, addMonths(target, -6)));
    const due = await caller.followup.due();
    expect(due.dueThisWeek.map((d) => d.monthsAfter)).toEqual([6]);
    expect(due.overdue.map((d) => d.monthsAfter)).toEqual([1, 3]);
  });

  it("checks the form: employer, job, contract, dates, with French messages", async () => {
    const { caller, profileId } = await adviserWithPerson();
    expect(await fieldErrors(caller.followup.createPlacement({ profileId, jobTitle: "", contract: "cdi", startsOn: "2027-02-30" } as never))).toMatchObject({
      jobTitle: ["Indiquez le poste."],
      startsOn: ["Cette date n'existe pas."],
    });
    await expect(caller.followup.createPlacement({ ...manual(profileId, addMonths(today, 14)) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/un an à venir/),
    });
    await expect(caller.followup.createPlacement({ ...manual(profileId, today), employerName: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/employeur/),
    });
    // an employer of the platform instead of a name
    const company = await makeOrganisation(h.db);
    const { id } = await caller.followup.createPlacement({ ...manual(profileId, today), employerName: null, employerId: company.employerId });
    const view = await caller.followup.placementsOfProfile({ profileId });
    expect(view.placements.find((p) => p.id === id)!.employerName).toMatch(/^Entreprise/);
  });
});

describe("recording check-ins", () => {
  it("recording 'still in post' at six months changes the 6-month retention figure", async () => {
    const { caller, profileId } = await adviserWithPerson();
    await caller.followup.createPlacement(manual(profileId, addMonths(today, -7)));
    const before = await caller.followup.figures();
    expect(before).toMatchObject({ caseload: 1, hires: 1 });
    expect(before.retention.find((r) => r.monthsAfter === 6)).toMatchObject({ eligible: 1, retained: 0, unknown: 1, rate: null });
    const six = (await caller.followup.due()).overdue.find((d) => d.monthsAfter === 6)!;
    await caller.followup.recordCheckIn({ checkInId: six.checkInId, outcome: "in_post", note: "Tout va bien, CDI en vue." });
    const after = await caller.followup.figures();
    expect(after.retention.find((r) => r.monthsAfter === 6)).toMatchObject({ eligible: 1, retained: 1, unknown: 0, rate: 1 });
    expect((await caller.followup.due()).overdue.map((d) => d.monthsAfter)).toEqual([1, 3]);
    // once recorded, it cannot be recorded again
    await expect(caller.followup.recordCheckIn({ checkInId: six.checkInId, outcome: "unreachable" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Ce point de suivi est déjà enregistré.",
    });
  });

  it("'ended' ends the placement and cancels its later check-ins", async () => {
    const { caller, profileId } = await adviserWithPerson();
    const startsOn = addMonths(today, -2);
    const { id } = await caller.followup.createPlacement(manual(profileId, startsOn));
    const view = await caller.followup.placementsOfProfile({ profileId });
    const [one, three, six] = view.placements[0]!.checkIns;
    // the reason is required and must be one of the instance's
    expect(await fieldErrors(caller.followup.recordCheckIn({ checkInId: one!.id, outcome: "ended" }))).toEqual({
      endReason: ["Choisissez la raison de la fin du contrat."],
    });
    await expect(caller.followup.recordCheckIn({ checkInId: one!.id, outcome: "ended", endReason: "bored" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // "in post" cannot be recorded months before the date
    expect(await fieldErrors(caller.followup.recordCheckIn({ checkInId: six!.id, outcome: "in_post" }))).toEqual({
      outcome: [expect.stringMatching(/prévu le/)],
    });
    const endedOn = addDays(startsOn, 10); // the trial period was not confirmed, before the 1-month call
    const r = await caller.followup.recordCheckIn({ checkInId: one!.id, outcome: "ended", endReason: "trial_period", endedOn });
    expect(r).toMatchObject({ status: "ended", cancelled: 2 });
    const [pl] = await h.db.select().from(placements).where(eq(placements.id, id));
    expect(pl).toMatchObject({ status: "ended", endedOn, endReason: "trial_period" });
    const after = await caller.followup.placementsOfProfile({ profileId });
    expect(after.placements[0]!.endReasonLabel).toBe("Période d'essai non confirmée");
    expect(after.placements[0]!.checkIns.map((c) => c.status)).toEqual(["ended", "cancelled", "cancelled"]);
    await expect(caller.followup.recordCheckIn({ checkInId: three!.id, outcome: "in_post" })).rejects.toMatchObject({
      message: expect.stringMatching(/annulé/),
    });
    expect((await caller.followup.due()).overdue).toEqual([]);
    const figures = await caller.followup.figures();
    expect(figures.retention.find((x) => x.monthsAfter === 1)).toMatchObject({ eligible: 1, notRetained: 1, rate: 0 });
  });

  it("figures count the caseload, complete CVs, proposals, hires and the median days to a first hire", async () => {
    const { adviser, caller, profileId } = await adviserWithPerson();
    // a complete CV: every step, a job sought, three skills
    await makeProfile(h.db, "41018", {
      adviserId: adviser.id,
      territoryCode: "blois",
      skillCodes: [100007, 100008, 100009],
      availableFrom: "2026-01-01",
      about: "Sérieuse et ponctuelle.",
      stepsDone: ["place", "mobility", "jobs", "skills", "availability", "background", "visibility"],
    });
    await caller.followup.createPlacement(manual(profileId, today));
    const offer = await makeOffer(h.db, "41018");
    await h.db.insert(proposals).values({ profileId, offerId: offer.id, fromKind: "adviser", fromUserId: adviser.id });
    await h.db.insert(proposals).values({ profileId, offerId: offer.id, fromKind: "employer", fromUserId: adviser.id });
    const f = await caller.followup.figures();
    // the first person (no skills) is not complete
    expect(f).toMatchObject({ caseload: 2, completeCv: 1, proposals: 1, hires: 1, medianDaysToFirstHire: 0, today });
    expect(f.retention.map((r) => r.eligible)).toEqual([0, 0, 0]);
  });
});

describe("only the person's adviser (or an admin) follows a placement", () => {
  it("another adviser, even of the same territory, gets 'introuvable'", async () => {
    const { caller, profileId } = await adviserWithPerson();
    const { id } = await caller.followup.createPlacement(manual(profileId, addMonths(today, -7)));
    const checkIn = (await caller.followup.due()).overdue[0]!;
    const other = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await expect(other.caller.followup.placementsOfProfile({ profileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.followup.createPlacement(manual(profileId, today))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.followup.recordCheckIn({ checkInId: checkIn.checkInId, outcome: "in_post" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await other.caller.followup.due()).overdue).toEqual([]);
    expect((await other.caller.followup.figures()).hires).toBe(0);
    // an adviser cannot look at another adviser's lists either
    const owner = (await h.db.select().from(placements).where(eq(placements.id, id)))[0]!.adviserId!;
    await expect(other.caller.followup.due({ adviserId: owner })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an admin may follow anyone and look at one adviser's lists", async () => {
    const { adviser, caller, profileId } = await adviserWithPerson();
    await caller.followup.createPlacement(manual(profileId, addMonths(today, -7)));
    const admin = await callerFor(h.db, (await makeUser(h.db, "admin")).id);
    expect((await admin.followup.placementsOfProfile({ profileId })).placements).toHaveLength(1);
    const due = await admin.followup.due({ adviserId: adviser.id });
    expect(due.overdue.map((d) => d.monthsAfter)).toEqual([1, 3, 6]);
    const checkInId = due.overdue[0]!.checkInId;
    await admin.followup.recordCheckIn({ checkInId, outcome: "unreachable" });
    expect((await admin.followup.figures({ adviserId: adviser.id })).retention[0]).toMatchObject({ eligible: 1, unknown: 1 });
  });
});
