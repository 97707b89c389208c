import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apply } from "../applications/domain";
import { applications } from "../applications/schema";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { matchFormationsForBeneficiary } from "../matching/queries";
import { callerAs, callerFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { communePoint, makeOrganisation, makeProfile } from "../testing/factories";
import type { SaveFormationInput } from "./inputs";
import { instanceToday } from "../config/time-zone";
import { saveFormation } from "./save";
import { formations } from "./schema";
import { fieldErrors } from "../testing/errors";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const BLOIS = "41018";
const VENDOME = "41269";

function inDays(days: number): string {
  return addDays(instanceToday(), days);
}

function validInput(overrides: Partial<SaveFormationInput> = {}): SaveFormationInput {
  return {
    title: "Assistant de vie aux familles",
    description: "Une formation qualifiante de quatre mois.",
    romeCodes: ["K1302"],
    communeInsee: BLOIS,
    startsOn: inDays(20),
    endsOn: inDays(120),
    seats: 2,
    prerequisites: "Savoir lire et écrire le français.",
    costEuros: 0,
    funding: "Financée par la Région : gratuite pour vous.",
    ...overrides,
  };
}

/** A training organisation with one account, and its caller. */
async function organisation(kind: "training_org" | "company" = "training_org", recruiters = 0) {
  const org = await makeOrganisation(h.db, kind, recruiters);
  return { ...org, caller: await callerFor(h.db, org.owner.id), others: await Promise.all(org.recruiters.map((r) => callerFor(h.db, r.id))) };
}

describe("writing formations", () => {
  it("an organisation creates a draft, publishes it, and finds it in its list with its counts", async () => {
    const org = await organisation();
    const saved = await org.caller.formations.save(validInput());
    expect(saved).toMatchObject({ status: "draft", version: 1 });

    const got = await org.caller.formations.get({ formationId: saved.id });
    expect(got).toMatchObject({
      title: "Assistant de vie aux familles",
      status: "draft",
      commune: { insee: BLOIS, name: "Blois" },
      precisePoint: null,
      seats: 2,
      seatsLeft: 2,
      costEuros: 0,
      funding: "Financée par la Région : gratuite pour vous.",
      prerequisites: "Savoir lire et écrire le français.",
    });
    expect(got.jobs).toEqual([{ romeCode: "K1302", label: expect.any(String) }]);
    expect(got.providerName).toMatch(/^Organisme/);

    const published = await org.caller.formations.publish({ formationId: saved.id });
    expect(published).toMatchObject({ status: "published", version: 2 });
    await expect(org.caller.formations.publish({ formationId: saved.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const mine = await org.caller.formations.mine();
    expect(mine.organisation).toMatchObject({ employerId: org.employerId, kind: "training_org" });
    expect(mine.formations).toEqual([
      expect.objectContaining({ id: saved.id, status: "published", applications: 0, admitted: 0, seatsLeft: 2, communeName: "Blois" }),
    ]);

    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, saved.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["formation.create", "formation.publish"]);
  });

  it("save with publish: a new formation goes out in one step, at a precise place if given", async () => {
    const org = await organisation();
    const blois = await communePoint(h.db, BLOIS);
    const point = { lat: blois.point.lat + 0.01, lng: blois.point.lng + 0.01 };
    const saved = await org.caller.formations.save(validInput({ publish: true, precisePoint: point }));
    expect(saved.status).toBe("published");
    const got = await org.caller.formations.get({ formationId: saved.id });
    expect(got.precisePoint!.lat).toBeCloseTo(point.lat, 5);
  });

  it("refuses bad input field by field, in French", async () => {
    const { caller } = await organisation();
    const shape = await fieldErrors(
      caller.formations.save(
        validInput({ title: "a", romeCodes: [], communeInsee: "x", startsOn: "", seats: 0, costEuros: -5 }),
      ),
    );
    expect(shape.title?.[0]).toMatch(/intitulé/);
    expect(shape.romeCodes?.[0]).toMatch(/au moins un métier/);
    expect(shape.communeInsee?.[0]).toMatch(/commune/);
    expect(shape.startsOn?.[0]).toMatch(/date de début/);
    expect(shape.seats?.[0]).toMatch(/au moins 1 place/);
    expect(shape.costEuros?.[0]).toMatch(/négatif/);

    expect((await fieldErrors(caller.formations.save(validInput({ seats: 501 })))).seats?.[0]).toMatch(/500 places au plus/);
    expect((await fieldErrors(caller.formations.save(validInput({ romeCodes: ["A1101", "A1201", "A1202", "A1203", "A1204", "A1205"] })))).romeCodes?.[0]).toMatch(/5 métiers/);
    expect((await fieldErrors(caller.formations.save(validInput({ startsOn: "2026-02-30" })))).startsOn?.[0]).toMatch(/n'existe pas/);

    const domain = await fieldErrors(
      caller.formations.save(
        validInput({ romeCodes: ["A9999"], communeInsee: "99999", startsOn: inDays(-3), endsOn: inDays(-10) }),
      ),
    );
    expect(domain.romeCodes?.[0]).toMatch(/inconnu.*A9999/);
    expect(domain.communeInsee?.[0]).toMatch(/n'existe pas/);
    expect(domain.startsOn?.[0]).toMatch(/passée/);
    expect(domain.endsOn?.[0]).toMatch(/fin/);

    const far = await fieldErrors(caller.formations.save(validInput({ precisePoint: { lat: 48.85, lng: 2.35 } })));
    expect(far.precisePoint?.[0]).toMatch(/plus de 30 km de Blois/);
    const abroad = await fieldErrors(caller.formations.save(validInput({ precisePoint: { lat: 40.7, lng: -74 } })));
    expect(abroad.precisePoint?.[0]).toMatch(/pas en France/);

    expect(await h.db.select().from(formations).where(eq(formations.title, "a"))).toEqual([]);
  });

  it("a draft whose start has passed cannot be published; a published one keeps its past start when edited", async () => {
    const org = await organisation();
    const blois = await communePoint(h.db, BLOIS);
    const old = await saveFormation(h.db, {
      providerName: "Organisme",
      organisationId: org.employerId,
      title: "Session commencée",
      romeCodes: ["K1302"],
      communeInsee: BLOIS,
      point: blois.point,
      startsOn: inDays(-5),
      endsOn: inDays(30),
      seats: 5,
      status: "draft",
    });
    const errors = await fieldErrors(org.caller.formations.publish({ formationId: old.id }));
    expect(errors.startsOn?.[0]).toMatch(/passée/);

    await h.db.update(formations).set({ status: "published" }).where(eq(formations.id, old.id));
    const got = await org.caller.formations.get({ formationId: old.id });
    // fixing a typo in an ongoing session is fine…
    const fixed = await org.caller.formations.save({
      ...validInput({ startsOn: got.startsOn, endsOn: got.endsOn!, title: "Session commencée (corrigée)" }),
      id: old.id,
      version: got.version,
    });
    expect(fixed.status).toBe("published");
    // …moving its start into the past is not
    const moved = await fieldErrors(
      org.caller.formations.save({ ...validInput({ startsOn: inDays(-6), endsOn: inDays(30) }), id: old.id, version: fixed.version }),
    );
    expect(moved.startsOn?.[0]).toMatch(/passée/);
  });

  it("two people editing the same formation: the later save is refused, the earlier one is kept", async () => {
    const org = await organisation("training_org", 1);
    const colleague = org.others[0]!;
    const { id } = await org.caller.formations.save(validInput());
    const mineRead = await org.caller.formations.get({ formationId: id });
    const theirsRead = await colleague.formations.get({ formationId: id });
    expect(theirsRead.version).toBe(mineRead.version);

    const first = await colleague.formations.save({ ...validInput({ title: "Titre de la collègue" }), id, version: theirsRead.version });
    expect(first.version).toBe(mineRead.version + 1);
    await expect(
      org.caller.formations.save({ ...validInput({ title: "Mon titre" }), id, version: mineRead.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`a été modifiée par ${org.recruiters[0]!.firstName} ${org.recruiters[0]!.lastName} le `),
    });
    await expect(
      org.caller.formations.save({ ...validInput({ title: "Mon titre" }), id, version: mineRead.version }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/n'ont pas été écrasés, et les vôtres n'ont pas été enregistrés/) });
    expect((await org.caller.formations.get({ formationId: id })).title).toBe("Titre de la collègue");

    // with the fresh version, it goes through
    const again = await org.caller.formations.save({ ...validInput({ title: "Mon titre" }), id, version: first.version });
    expect(again.version).toBe(first.version + 1);
    // publishing bumps the version too: a form opened before is now stale
    await org.caller.formations.publish({ formationId: id });
    await expect(org.caller.formations.save({ ...validInput(), id, version: again.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/par vous \(dans une autre fenêtre/),
    });
    const [row] = await h.db.select().from(formations).where(eq(formations.id, id));
    expect(row!.updatedBy).toBe(org.owner.id);
  });

  it("closing stops applications and takes it out of the beneficiaries' list", async () => {
    const org = await organisation();
    const { id } = await org.caller.formations.save(validInput({ publish: true }));
    const person = await makeProfile(h.db, BLOIS, { jobs: [{ kind: "sought", romeCode: "K1302", label: "Assistant de vie" }] });
    expect((await matchFormationsForBeneficiary(h.db, person.id)).map((i) => i.id)).toContain(id);
    expect(await org.caller.formations.close({ formationId: id })).toMatchObject({ status: "closed" });
    expect((await matchFormationsForBeneficiary(h.db, person.id)).map((i) => i.id)).not.toContain(id);
    await expect(apply(h.db, person.id, { formationId: id }, null)).rejects.toThrow(/ne prend plus/);
    await expect(org.caller.formations.close({ formationId: id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // and it can be reopened
    expect(await org.caller.formations.publish({ formationId: id })).toMatchObject({ status: "published" });
  });

  it("a company can publish formations as well", async () => {
    const company = await organisation("company");
    const { id } = await company.caller.formations.save(validInput({ publish: true }));
    const got = await company.caller.formations.get({ formationId: id });
    expect(got.providerName).toMatch(/^Entreprise/);
  });
});

describe("only the organisation's own formations", () => {
  it("another organisation gets NOT_FOUND for get, save, publish, close, applicants and answer", async () => {
    const owner = await organisation();
    const other = await organisation();
    const otherCompany = await organisation("company");
    const { id } = await owner.caller.formations.save(validInput({ publish: true }));
    const person = await makeProfile(h.db, BLOIS);
    const app = await apply(h.db, person.id, { formationId: id }, "Bonjour");

    for (const stranger of [other.caller, otherCompany.caller]) {
      await expect(stranger.formations.get({ formationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(stranger.formations.save({ ...validInput({ title: "Piratée" }), id, version: 1 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(stranger.formations.publish({ formationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(stranger.formations.close({ formationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(stranger.formations.applicants({ formationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(stranger.formations.answer({ applicationId: app.id, status: "hired" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect((await stranger.formations.mine()).formations.map((f) => f.id)).not.toContain(id);
    }
    const [row] = await h.db.select().from(formations).where(eq(formations.id, id));
    expect(row).toMatchObject({ title: "Assistant de vie aux familles", status: "published", version: 1 });
    const [a] = await h.db.select().from(applications).where(eq(applications.id, app.id));
    expect(a!.status).toBe("sent");
  });

  it("an account without an organisation is asked to register it", async () => {
    const { caller } = await callerAs(h.db, "training_org");
    expect(await caller.formations.mine()).toEqual({ organisation: null, formations: [] });
    await expect(caller.formations.save(validInput())).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("applicants and answers", () => {
  it("the organisation sees who applied, with their CV, and answers them; confirming the last seat makes the formation full", async () => {
    const org = await organisation();
    const { id } = await org.caller.formations.save(validInput({ seats: 2, publish: true }));
    const people = await Promise.all(
      [1, 2, 3].map((n) =>
        makeProfile(h.db, BLOIS, {
          firstName: `Camille${n}`,
          lastName: `Martin${n}`,
          email: `camille${n}@example.org`,
          phone: "0601020304",
          about: "Motivée.",
          jobs: [{ kind: "sought", romeCode: "K1302", label: "Assistant de vie" }],
        }),
      ),
    );
    const apps: { id: string }[] = [];
    for (const p of people) apps.push(await apply(h.db, p.id, { formationId: id }, "Je suis intéressée."));

    const list = await org.caller.formations.applicants({ formationId: id });
    expect(list).toHaveLength(3);
    expect(list.find((a) => a.applicationId === apps[0]!.id)).toMatchObject({
      status: "sent",
      message: "Je suis intéressée.",
      person: {
        firstName: "Camille1",
        lastName: "Martin1",
        email: "camille1@example.org",
        phone: "0601020304",
        communeName: "Blois",
        about: "Motivée.",
        soughtJobs: ["Assistant de vie"],
      },
    });
    expect((await org.caller.formations.mine()).formations[0]).toMatchObject({ applications: 3, newApplications: 3 });

    await org.caller.formations.answer({ applicationId: apps[0]!.id, status: "seen" });
    await org.caller.formations.answer({ applicationId: apps[0]!.id, status: "interview" });
    expect(await org.caller.formations.answer({ applicationId: apps[0]!.id, status: "hired" })).toMatchObject({
      formationStatus: "published",
      seatsLeft: 1,
    });
    expect(await org.caller.formations.answer({ applicationId: apps[1]!.id, status: "hired" })).toMatchObject({
      formationStatus: "full",
      seatsLeft: 0,
    });
    const [full] = await h.db.select().from(formations).where(eq(formations.id, id));
    expect(full!.status).toBe("full");

    // full: nobody else can apply, it leaves the beneficiaries' list, no third confirmation
    const late = await makeProfile(h.db, BLOIS, { jobs: [{ kind: "sought", romeCode: "K1302", label: "Assistant de vie" }] });
    await expect(apply(h.db, late.id, { formationId: id }, null)).rejects.toThrow(/ne prend plus/);
    expect((await matchFormationsForBeneficiary(h.db, late.id)).map((i) => i.id)).not.toContain(id);
    await expect(org.caller.formations.answer({ applicationId: apps[2]!.id, status: "hired" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/complète/),
    });
    // fewer seats than confirmed registrations: refused
    const got = await org.caller.formations.get({ formationId: id });
    expect(got).toMatchObject({ status: "full", admitted: 2, seatsLeft: 0 });
    const seats = await fieldErrors(org.caller.formations.save({ ...validInput({ seats: 1 }), id, version: got.version }));
    expect(seats.seats?.[0]).toMatch(/déjà confirmé 2 inscriptions/);

    // declining needs a reason, which is stored as its code
    const noReason = await fieldErrors(org.caller.formations.answer({ applicationId: apps[2]!.id, status: "declined" }));
    expect(noReason.reason?.[0]).toMatch(/raison/);
    await org.caller.formations.answer({ applicationId: apps[2]!.id, status: "declined", reason: "full" });
    const [declined] = await h.db.select().from(applications).where(eq(applications.id, apps[2]!.id));
    expect(declined).toMatchObject({ status: "declined", statusReason: "full" });

    // a seat freed (one confirmation undone) reopens it
    expect(await org.caller.formations.answer({ applicationId: apps[1]!.id, status: "declined", reason: "dates" })).toMatchObject({
      formationStatus: "published",
      seatsLeft: 1,
    });
    await expect(apply(h.db, late.id, { formationId: id }, null)).resolves.toMatchObject({ id: expect.any(String) });

    // more seats than confirmations turns a full formation back to published
    await org.caller.formations.answer({ applicationId: apps[1]!.id, status: "hired" });
    const fullAgain = await org.caller.formations.get({ formationId: id });
    expect(fullAgain.status).toBe("full");
    const more = await org.caller.formations.save({ ...validInput({ seats: 3 }), id, version: fullAgain.version });
    expect(more.status).toBe("published");
  });

  it("an application the person withdrew cannot be answered, and their contact details are no longer shown", async () => {
    const org = await organisation();
    const { id } = await org.caller.formations.save(validInput({ publish: true }));
    const person = await makeProfile(h.db, BLOIS, { firstName: "Louis", lastName: "Durand", email: "louis@example.org" });
    const app = await apply(h.db, person.id, { formationId: id }, null);
    await h.db.update(applications).set({ status: "withdrawn" }).where(eq(applications.id, app.id));
    await expect(org.caller.formations.answer({ applicationId: app.id, status: "seen" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/retiré/),
    });
    const [shown] = await org.caller.formations.applicants({ formationId: id });
    expect(shown).toMatchObject({ status: "withdrawn", person: { firstName: "Louis", lastName: "D.", email: null, phone: null } });
  });
});

describe("beneficiaries find published formations near them", () => {
  it("a published formation is found by a nearby person seeking its job; a draft is not", async () => {
    const org = await organisation();
    const published = await org.caller.formations.save(validInput({ romeCodes: ["K1302", "J1501"], communeInsee: VENDOME, publish: true }));
    const draft = await org.caller.formations.save(validInput({ romeCodes: ["J1501"], communeInsee: VENDOME }));
    const near = await makeProfile(h.db, VENDOME, { maxDistanceKm: 20 });
    const found = await matchFormationsForBeneficiary(h.db, near.id);
    expect(found.map((i) => i.id)).toContain(published.id);
    expect(found.map((i) => i.id)).not.toContain(draft.id);
    const item = found.find((i) => i.id === published.id)!;
    expect(item.distanceKm).toBeLessThan(1);
    expect(item.reasons[0]).toBe("Mène à votre métier");
    // too far for someone in Romorantin with a 20 km radius
    const far = await makeProfile(h.db, "41194", { maxDistanceKm: 20 });
    expect((await matchFormationsForBeneficiary(h.db, far.id)).map((i) => i.id)).not.toContain(published.id);
  });
});
