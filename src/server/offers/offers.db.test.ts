import { TRPCError } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { matchOffersForBeneficiary } from "../matching/queries";
import { romeJobItems } from "../referentials/queries";
import { romeJobTitles } from "../referentials/schema";
import { callerAs, callerFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { makeOrganisation, makeProfile } from "../testing/factories";
import { applications } from "../applications/schema";
import type { OfferFieldsInput } from "./inputs";
import { offers } from "./schema";
import { addMonths } from "../../lib/dates";
import { instanceToday } from "../config/time-zone";
import { MESSAGES } from "./validate";
import { fieldErrors } from "../testing/errors";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
let ogr: number;
let skills: number[];
beforeAll(async () => {
  h = await openTestDatabase();
  const [t] = await h.db.select().from(romeJobTitles).where(eq(romeJobTitles.romeCode, "J1501")).limit(1);
  ogr = t!.ogrCode;
  const items = await romeJobItems(h.db, "J1501");
  skills = items.skills.slice(0, 3).map((s) => s.ogrCode);
});
afterAll(async () => {
  await h?.close();
});

const VENDOME = "41269";
const today = () => instanceToday();
const dayOffset = (n: number) => addDays(today(), n);

function complete(overrides: Partial<OfferFieldsInput> = {}): OfferFieldsInput {
  return {
    title: "Aide-soignant de jour",
    jobCode: String(ogr),
    communeInsee: VENDOME,
    radiusKm: 30,
    contract: "cdi",
    hoursPerWeek: 35,
    shifts: ["day"],
    licenceRequired: false,
    vehicleRequired: false,
    positions: 2,
    startsOn: today(),
    expiresOn: null,
    requiredSkills: skills.slice(0, 2),
    wishedSkills: skills.slice(2),
    description: "Soins d'hygiène et de confort en EHPAD, équipe de jour.",
    ...overrides,
  };
}

async function company(recruiters = 0) {
  const c = await makeOrganisation(h.db, "company", recruiters);
  return {
    ...c,
    caller: await callerFor(h.db, c.owner.id),
    recruiterCallers: await Promise.all(c.recruiters.map((r) => callerFor(h.db, r.id))),
  };
}

describe("drafts and publishing", () => {
  it("a draft may be incomplete; publishing it names every missing field", async () => {
    const { caller } = await company();
    expect(await fieldErrors(caller.offers.saveDraft({ title: "" }))).toEqual({ title: [MESSAGES.titleOrJob] });

    const draft = await caller.offers.saveDraft({ title: "Aide-soignant" });
    expect(draft).toMatchObject({ version: 1, status: "draft" });
    const loaded = await caller.offers.get({ offerId: draft.id });
    expect(loaded.fields).toMatchObject({ title: "Aide-soignant", jobCode: null, communeInsee: null, contract: null, shifts: [] });
    expect(loaded.effectiveStatus).toBe("draft");

    const stored = await fieldErrors(caller.offers.publish({ offerId: draft.id, version: 1 }));
    expect(Object.keys(stored).sort()).toEqual(["communeInsee", "contract", "description", "hoursPerWeek", "jobCode", "shifts"]);
    expect(stored.jobCode).toEqual([MESSAGES.job]);

    const fromForm = await fieldErrors(
      caller.offers.publishFromForm({ offerId: draft.id, version: 1, title: "Aide-soignant", radiusKm: null, positions: null, startsOn: null }),
    );
    expect(fromForm).toMatchObject({
      radiusKm: [MESSAGES.radiusMissing],
      positions: [MESSAGES.positionsMissing],
      startsOn: [MESSAGES.startMissing],
      contract: [MESSAGES.contract],
    });
    // nothing was written by the refused attempts
    expect((await caller.offers.get({ offerId: draft.id })).version).toBe(1);

    const saved = await caller.offers.saveDraft({ offerId: draft.id, version: 1, ...complete() });
    expect(saved).toMatchObject({ version: 2, status: "draft" });
    const published = await caller.offers.publish({ offerId: draft.id, version: 2 });
    expect(published).toMatchObject({ version: 3, status: "published" });
    const after = await caller.offers.get({ offerId: draft.id });
    expect(after.publishedAt).toBeInstanceOf(Date);
    expect(after.fields.expiresOn).toBe(addMonths(today(), 2));
    expect(after.commune).toMatchObject({ insee: VENDOME, name: "Vendôme" });
    expect(after.job).toMatchObject({ ogrCode: ogr, romeCode: "J1501" });
    expect(after.fields.requiredSkills).toEqual([...skills.slice(0, 2)].sort((a, b) => a - b));
    expect(after.jobSkills.skills.length).toBeGreaterThan(0);
    expect(after.skillLabels[skills[0]!]).toBeTruthy();
  });

  it("a new offer can be published straight from the form, with only a job (the title is the job's)", async () => {
    const { caller, owner } = await company();
    const o = await caller.offers.publishFromForm(complete({ title: "" }));
    expect(o.status).toBe("published");
    const [row] = await h.db.select().from(offers).where(eq(offers.id, o.id));
    expect(row).toMatchObject({ romeCode: "J1501", ogrCode: ogr, communeInsee: VENDOME, createdBy: owner.id, updatedBy: owner.id });
    expect(row!.title.length).toBeGreaterThan(2);
    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "offer"), eq(auditEvents.subjectId, o.id)));
    expect(audit).toMatchObject({ action: "offer.publish", actorId: owner.id });
  });

  it("a precise point from the browser is kept, with the nearest commune when none was picked", async () => {
    const { caller } = await company();
    const point = { lat: 47.7935, lng: 1.0652 }; // Vendôme, off the commune's centre
    const o = await caller.offers.publishFromForm(complete({ communeInsee: null, point, addressLine: "3 rue du Change" }));
    const got = await caller.offers.get({ offerId: o.id });
    expect(got.commune?.insee).toBe(VENDOME);
    expect(got.fields.point).toEqual(point);
    expect(got.fields.addressLine).toBe("3 rue du Change");
  });

  it("refuses every bad value with its own message", async () => {
    const { caller, employerId } = await company();
    const cases: Array<[Partial<OfferFieldsInput>, string, string]> = [
      [{ startsOn: dayOffset(-1) }, "startsOn", MESSAGES.startPast],
      [{ expiresOn: dayOffset(-1) }, "expiresOn", MESSAGES.expiryPast],
      [{ startsOn: dayOffset(20), expiresOn: dayOffset(10) }, "expiresOn", MESSAGES.expiryBeforeStart],
      [{ positions: -1 }, "positions", MESSAGES.positionsRange],
      [{ positions: 0 }, "positions", MESSAGES.positionsRange],
      [{ positions: 1.5 }, "positions", MESSAGES.positionsWhole],
      [{ radiusKm: 0 }, "radiusKm", MESSAGES.radiusRange],
      [{ radiusKm: 201 }, "radiusKm", MESSAGES.radiusRange],
      [{ jobCode: "99999999" }, "jobCode", MESSAGES.job],
      [{ jobCode: "Z9999" }, "jobCode", MESSAGES.job],
      [{ jobCode: "pas un code" }, "jobCode", MESSAGES.job],
      [{ hoursPerWeek: 60 }, "hoursPerWeek", MESSAGES.hoursRange],
      [{ hoursPerWeek: 0 }, "hoursPerWeek", MESSAGES.hoursRange],
      [{ shifts: [] }, "shifts", MESSAGES.shifts],
      [{ communeInsee: "99999" }, "communeInsee", "Choisissez la commune dans la liste."],
      [{ requiredSkills: [999999999] }, "requiredSkills", MESSAGES.skillsUnknown],
      [{ wishedSkills: skills.slice(0, 1) }, "wishedSkills", MESSAGES.skillsBoth],
      [{ description: "   " }, "description", MESSAGES.description],
    ];
    for (const [overrides, field, message] of cases) {
      const errors = await fieldErrors(caller.offers.publishFromForm(complete(overrides)));
      expect({ field, errors: errors[field] }).toEqual({ field, errors: [message] });
    }
    // several at once, each beside its field
    const many = await fieldErrors(caller.offers.publishFromForm(complete({ radiusKm: 500, positions: -3, jobCode: "Z9999" })));
    expect(Object.keys(many).sort()).toEqual(["jobCode", "positions", "radiusKm"]);
    // a draft is checked on what it holds too
    expect(await fieldErrors(caller.offers.saveDraft({ title: "X", radiusKm: 0 }))).toEqual({ radiusKm: [MESSAGES.radiusRange] });
    // an unknown contract is refused by the input schema
    expect(await fieldErrors(caller.offers.publishFromForm(complete({ contract: "freelance" as never })))).toHaveProperty("contract");
    expect(await h.db.$count(offers, eq(offers.employerId, employerId))).toBe(0);
  });

  it("a running offer keeps its past start date when edited; an expiry before today is refused", async () => {
    const { caller } = await company();
    const o = await caller.offers.publishFromForm(complete());
    await h.db.update(offers).set({ startsOn: dayOffset(-30) }).where(eq(offers.id, o.id));
    const got = await caller.offers.get({ offerId: o.id });
    const saved = await caller.offers.update({ offerId: o.id, version: got.version, ...got.fields, description: "Nouvelle description" });
    expect(saved.version).toBe(got.version + 1);
    expect(
      await fieldErrors(caller.offers.update({ offerId: o.id, version: saved.version, ...got.fields, expiresOn: dayOffset(-2) })),
    ).toEqual({ expiresOn: [MESSAGES.expiryPast] });
    // a published offer must stay complete
    expect(
      await fieldErrors(caller.offers.update({ offerId: o.id, version: saved.version, ...got.fields, contract: null })),
    ).toEqual({ contract: [MESSAGES.contract] });
  });

  it("an employer account without a company is told to register it", async () => {
    const { caller } = await callerAs(h.db, "employer");
    expect(await caller.offers.mine()).toEqual({ organisation: null, offers: [] });
    await expect(caller.offers.saveDraft({ title: "Test" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("two recruiters editing the same offer", () => {
  it("the later save from an older version is refused with who changed it, and the first save is kept", async () => {
    const { caller, owner, recruiters, recruiterCallers } = await company(1);
    const second = recruiterCallers[0]!;
    const o = await caller.offers.publishFromForm(complete());
    const seenByOwner = await caller.offers.get({ offerId: o.id });
    const seenBySecond = await second.offers.get({ offerId: o.id });
    expect(seenBySecond.version).toBe(seenByOwner.version);

    await caller.offers.update({ offerId: o.id, version: seenByOwner.version, ...seenByOwner.fields, title: "Titre du premier" });
    const refused = await second.offers
      .update({ offerId: o.id, version: seenBySecond.version, ...seenBySecond.fields, title: "Titre du second" })
      .then(() => null, (e: TRPCError) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused!.code).toBe("CONFLICT");
    expect(refused!.message).toContain(`${owner.firstName} ${owner.lastName}`);
    expect(refused!.message).toMatch(/Rechargez la page/);
    expect((await second.offers.get({ offerId: o.id })).fields.title).toBe("Titre du premier");

    // status actions check the version too
    await expect(second.offers.pause({ offerId: o.id, version: seenBySecond.version })).rejects.toMatchObject({ code: "CONFLICT" });
    // the same person in another tab is told so
    await expect(caller.offers.close({ offerId: o.id, version: seenByOwner.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/par vous/),
    });
    // after reloading, the second recruiter can save
    const fresh = await second.offers.get({ offerId: o.id });
    await second.offers.update({ offerId: o.id, version: fresh.version, ...fresh.fields, title: "Titre du second" });
    const last = await caller.offers.get({ offerId: o.id });
    expect(last.fields.title).toBe("Titre du second");
    expect(last.updatedByName).toBe(`${recruiters[0]!.firstName} ${recruiters[0]!.lastName}`);
  });
});

describe("another company's recruiter", () => {
  it("gets NOT_FOUND on every action and never sees the offer listed", async () => {
    const a = await company();
    const b = await company();
    const o = await a.caller.offers.publishFromForm(complete());
    const { version } = await a.caller.offers.get({ offerId: o.id });
    const other = b.caller;
    // Started one at a time: a rejection created before it is awaited counts as unhandled.
    const attempts: Array<() => Promise<unknown>> = [
      () => other.offers.get({ offerId: o.id }),
      () => other.offers.update({ offerId: o.id, version, ...complete() }),
      () => other.offers.saveDraft({ offerId: o.id, version, ...complete() }),
      () => other.offers.publishFromForm({ offerId: o.id, version, ...complete() }),
      () => other.offers.publish({ offerId: o.id, version }),
      () => other.offers.pause({ offerId: o.id, version }),
      () => other.offers.resume({ offerId: o.id, version }),
      () => other.offers.markFilled({ offerId: o.id, version }),
      () => other.offers.close({ offerId: o.id, version }),
      () => other.offers.duplicate({ offerId: o.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Offre introuvable." });
    expect((await other.offers.mine()).offers).toEqual([]);
    expect((await a.caller.offers.get({ offerId: o.id })).version).toBe(version);
  });
});

describe("status", () => {
  it("follows draft → published ⇄ paused → filled | closed, and a copy reopens a finished offer as a draft", async () => {
    const { caller } = await company();
    const d = await caller.offers.saveDraft(complete());
    await expect(caller.offers.pause({ offerId: d.id, version: d.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.offers.close({ offerId: d.id, version: d.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    let v = await caller.offers.publish({ offerId: d.id, version: d.version });
    await expect(caller.offers.publish({ offerId: d.id, version: v.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.offers.resume({ offerId: d.id, version: v.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    v = await caller.offers.pause({ offerId: d.id, version: v.version });
    expect(v.status).toBe("paused");
    v = await caller.offers.resume({ offerId: d.id, version: v.version });
    expect(v.status).toBe("published");
    v = await caller.offers.markFilled({ offerId: d.id, version: v.version });
    expect(v.status).toBe("filled");
    await expect(caller.offers.resume({ offerId: d.id, version: v.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const got = await caller.offers.get({ offerId: d.id });
    expect(await fieldErrors(caller.offers.update({ offerId: d.id, version: v.version, ...got.fields }))).toHaveProperty("_");

    const copy = await caller.offers.duplicate({ offerId: d.id });
    expect(copy).toMatchObject({ status: "draft", version: 1 });
    const copied = await caller.offers.get({ offerId: copy.id });
    expect(copied.fields).toMatchObject({ title: got.fields.title, jobCode: got.fields.jobCode, communeInsee: VENDOME, expiresOn: null });
    expect(copied.stats.views).toBe(0);

    const other = await caller.offers.publishFromForm(complete());
    const closed = await caller.offers.close({ offerId: other.id, version: 1 });
    expect(closed.status).toBe("closed");

    const mine = await caller.offers.mine();
    expect(mine.offers.map((o) => o.effectiveStatus)).toEqual(["draft", "filled", "closed"]);
  });

  it("lists published first, then drafts, paused and the rest, with their counts", async () => {
    const { caller } = await company();
    const paused = await caller.offers.publishFromForm(complete({ title: "En pause" }));
    await caller.offers.pause({ offerId: paused.id, version: 1 });
    await caller.offers.saveDraft({ title: "Brouillon" });
    const live = await caller.offers.publishFromForm(complete({ title: "En ligne" }));
    const person = await makeProfile(h.db, VENDOME);
    await h.db.insert(applications).values([{ profileId: person.id, offerId: live.id, status: "hired" }]);
    const mine = await caller.offers.mine();
    expect(mine.organisation?.name).toMatch(/^Entreprise/);
    expect(mine.offers.map((o) => o.title)).toEqual(["En ligne", "Brouillon", "En pause"]);
    expect(mine.offers[0]!.stats).toMatchObject({ applications: 1, hires: 1, newApplications: 0, views: 0 });
  });
});

describe("expiry", () => {
  it("an offer past its expiry date shows as expired, leaves the beneficiaries' list, and comes back when extended", async () => {
    const { caller } = await company();
    const o = await caller.offers.publishFromForm(complete({ title: "Expire bientôt" }));
    const profile = await makeProfile(h.db, VENDOME);
    expect((await matchOffersForBeneficiary(h.db, profile.id, 50)).map((i) => i.id)).toContain(o.id);

    await h.db.update(offers).set({ expiresOn: sql`current_date - 1` }).where(eq(offers.id, o.id));
    const listed = (await caller.offers.mine()).offers.find((x) => x.id === o.id)!;
    expect(listed).toMatchObject({ status: "published", effectiveStatus: "expired" });
    expect((await matchOffersForBeneficiary(h.db, profile.id, 50)).map((i) => i.id)).not.toContain(o.id);

    const got = await caller.offers.get({ offerId: o.id });
    expect(got.effectiveStatus).toBe("expired");
    await caller.offers.update({ offerId: o.id, version: got.version, ...got.fields, expiresOn: dayOffset(30) });
    expect((await caller.offers.get({ offerId: o.id })).effectiveStatus).toBe("published");
    expect((await matchOffersForBeneficiary(h.db, profile.id, 50)).map((i) => i.id)).toContain(o.id);
  });
});

describe("beneficiaries", () => {
  it("views are counted once per person, only for open offers", async () => {
    const { caller } = await company();
    const o = await caller.offers.publishFromForm(complete());
    const draft = await caller.offers.saveDraft(complete({ title: "Pas encore publiée" }));
    const a = await callerAs(h.db, "beneficiary");
    await makeProfile(h.db, VENDOME, { userId: a.user.id });
    const b = await callerAs(h.db, "beneficiary");
    await makeProfile(h.db, "41018", { userId: b.user.id });
    const noCv = await callerAs(h.db, "beneficiary");

    expect(await a.caller.offers.recordView({ offerId: o.id })).toEqual({ recorded: true });
    expect(await a.caller.offers.recordView({ offerId: o.id })).toEqual({ recorded: false });
    await b.caller.offers.recordView({ offerId: o.id });
    expect(await noCv.caller.offers.recordView({ offerId: o.id })).toEqual({ recorded: false });
    expect(await a.caller.offers.recordView({ offerId: draft.id })).toEqual({ recorded: false });
    expect((await caller.offers.get({ offerId: o.id })).stats.views).toBe(2);
    expect((await caller.offers.get({ offerId: draft.id })).stats.views).toBe(0);
  });

  it("a beneficiary reads open offers with the distance from home, never drafts; a closed offer only if they applied", async () => {
    const { caller } = await company();
    const o = await caller.offers.publishFromForm(complete());
    const draft = await caller.offers.saveDraft(complete({ title: "Brouillon" }));
    const me = await callerAs(h.db, "beneficiary");
    const profile = await makeProfile(h.db, "41018", { userId: me.user.id });
    const seen = await me.caller.offers.forBeneficiary({ offerId: o.id });
    expect(seen).toMatchObject({ open: true, applicationStatus: null, positions: 2 });
    expect(seen.distanceKm).toBeGreaterThan(25); // Blois → Vendôme
    expect(seen.distanceKm).toBeLessThan(40);
    expect(seen.requiredSkills).toHaveLength(2);
    await expect(me.caller.offers.forBeneficiary({ offerId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const closed = await caller.offers.publishFromForm(complete({ title: "Clôturée" }));
    await caller.offers.close({ offerId: closed.id, version: 1 });
    await expect(me.caller.offers.forBeneficiary({ offerId: closed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await h.db.insert(applications).values({ profileId: profile.id, offerId: closed.id });
    expect(await me.caller.offers.forBeneficiary({ offerId: closed.id })).toMatchObject({ open: false, applicationStatus: "sent" });
  });
});

describe("audit", () => {
  it("records who created, changed and published an offer", async () => {
    const { caller, owner } = await company();
    const d = await caller.offers.saveDraft({ title: "Audit" });
    await caller.offers.saveDraft({ offerId: d.id, version: 1, ...complete() });
    await caller.offers.publish({ offerId: d.id, version: 2 });
    const rows = await h.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "offer"), eq(auditEvents.subjectId, d.id)))
      .orderBy(desc(auditEvents.at));
    expect(rows.map((r) => r.action).sort()).toEqual(["offer.create", "offer.publish", "offer.update"]);
    expect(rows.every((r) => r.actorId === owner.id)).toBe(true);
  });
});
