import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { candidateHandle } from "./handles";
import type { DatabaseHandle } from "../db/client";
import { sql } from "drizzle-orm";
import { refreshMatchPoints, type ProfileData } from "../profiles/save";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { clearMatchingData, communePoint, makeOrganisation, makeOffer, makeProfile } from "../testing/factories";

// An employer never learns more about a person than the person agreed to: not a profile that
// is hidden or not seeking, not another company's applicants, and no name or contact details
// before the person applied to the company or accepted its request.

const BLOIS = "41018";
const VENDOME = "41269";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearMatchingData(h.db);
});

let n = 0;
/** A person with an account, secrets everywhere: every one of them must stay out of an employer's pseudonymised view. */
async function person(insee = BLOIS, overrides: Partial<ProfileData> = {}) {
  n++;
  const user = await makeUser(h.db, "beneficiary");
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  const place = await communePoint(h.db, insee);
  // a precise point a little off the commune centre
  const point = { lat: Number((place.point.lat + 0.00731).toFixed(5)), lng: Number((place.point.lng - 0.00517).toFixed(5)) };
  const secrets = {
    firstName: `Mireille${n}`,
    lastName: `Secretnom${n}`,
    email: `mireille.${n}@secret.example`,
    phone: `06 12 34 56 ${String(n).padStart(2, "0")}`,
    externalId: `CAF-SECRET-${n}`,
    about: `Texte libre privé ${n}`,
  };
  const profile = await makeProfile(h.db, insee, {
    ...secrets,
    userId: user.id,
    adviserId: adviser.id,
    territoryCode: "blois",
    point,
    preciseLocation: true,
    ...overrides,
  });
  return { profileId: profile.id, user, caller: await callerFor(h.db, user.id), secrets, adviser, point };
}

type Person = Awaited<ReturnType<typeof person>>;

const FORBIDDEN_KEYS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "externalId",
  "adviserId",
  "adviser",
  "userId",
  "territoryCode",
  "point",
  "lat",
  "lng",
  "location",
  "locationProj",
  "preciseLocation",
  "about",
  "rsa",
  "rsaStatus",
  "health",
  "notes",
  "privateNotes",
  "identity",
];

/** Walks a payload and lists every forbidden key or secret value found (with where). */
function leaks(payload: unknown, who: Person): string[] {
  const values = [
    who.secrets.firstName,
    who.secrets.lastName,
    who.secrets.email,
    who.secrets.phone,
    who.secrets.externalId,
    who.secrets.about,
    who.adviser.id,
    who.user.id,
  ];
  const coords = [who.point.lat, who.point.lng];
  const found: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || node === undefined) return;
    if (typeof node === "string") {
      for (const v of values) if (node.includes(v)) found.push(`${path} contains ${v}`);
      return;
    }
    if (typeof node === "number") {
      for (const c of coords) if (Math.abs(node - c) < 1e-4) found.push(`${path} is a coordinate`);
      return;
    }
    if (node instanceof Date) return;
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    if (typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        // an "identity: null" says there is nothing to show; any other value is a leak
        if (FORBIDDEN_KEYS.includes(k) && v !== null) found.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(payload, "$");
  return found;
}

async function company(recruiters = 0) {
  const c = await makeOrganisation(h.db, "company", recruiters);
  return {
    ...c,
    owner: await callerFor(h.db, c.owner.id),
    recruiter: recruiters ? await callerFor(h.db, c.recruiters[0]!.id) : null,
    offer: async (insee = BLOIS, extra = {}) => makeOffer(h.db, insee, { employerId: c.employerId, ...extra }),
  };
}

describe("the pseudonymised views carry nothing private", () => {
  it("candidates_and_candidate_payloads_hold_no_name_contact_point_identifier_or_adviser", async () => {
    const acme = await company();
    const offer = await acme.offer();
    const p = await person();
    const list = await acme.owner.recruiting.candidates({ offerId: offer.id });
    const card = list.items.find((i) => i.candidateId === candidateHandle(offer.id, p.profileId))!;
    expect(card).toMatchObject({ pseudonym: "Candidat M.", communeName: "Blois", applied: false, contact: "none" });
    // a band from the commune's point, never a distance to the precise point
    expect(card.distanceLabel).toBe("Moins de 5 km");
    expect(JSON.stringify(list)).not.toContain(p.profileId);
    expect(card.reasons.length).toBeGreaterThan(0);
    // the referential's label for the job's code, not a label stored with the profile
    expect(card.jobsSought).toEqual(["Aide-soignant / Aide-soignante"]);
    expect(leaks(list, p)).toEqual([]);

    const one = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) });
    expect(one.identity).toBeNull();
    expect(one.card.pseudonym).toBe("Candidat M.");
    expect(leaks(one, p)).toEqual([]);
  });

  it("the walker does find secrets when they are there (it is not blind)", async () => {
    const p = await person();
    expect(leaks({ x: { lastName: "x" } }, p)).toEqual(["$.x.lastName"]);
    expect(leaks({ y: [`Bonjour ${p.secrets.firstName}`] }, p)).toHaveLength(1);
    expect(leaks({ z: p.point.lat }, p)).toHaveLength(1);
  });
});

describe("an employer can never see a non-consenting profile", () => {
  it("hidden_or_not_seeking_profiles_are_neither_listed_nor_openable", async () => {
    const acme = await company();
    const offer = await acme.offer();
    const visible = await person();
    const hidden = await person(BLOIS, { visibleToEmployers: false });
    const notSeeking = await person(BLOIS, { seeking: false });
    const archived = await person(BLOIS);
    // archived: left the programme
    await h.db.execute(sql`update beneficiary_profiles set status = 'archived' where id = ${archived.profileId}::uuid`);
    await refreshMatchPoints(h.db, archived.profileId);

    const ids = (await acme.owner.recruiting.candidates({ offerId: offer.id })).items.map((i) => i.candidateId);
    expect(ids).toEqual([candidateHandle(offer.id, visible.profileId)]);
    for (const p of [hidden, notSeeking, archived]) {
      await expect(acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(acme.owner.proposals.create({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
  });

  it("a profile that turns invisible disappears, unless it already applied to the company", async () => {
    const acme = await company();
    const offer = await acme.offer();
    const p = await person();
    await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) });
    await p.caller.profile.saveVisibility({ visible: false });
    await expect(acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // applying shares one's CV with that company, visible or not
    await p.caller.applications.applyToOffer({ offerId: offer.id });
    const seen = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) });
    expect(seen.identity).toMatchObject({ lastName: p.secrets.lastName });
    // and withdrawing takes it back
    const [app] = await p.caller.applications.mine();
    await p.caller.applications.withdraw({ applicationId: app!.id });
    await expect(acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const inbox = await acme.owner.recruiting.inbox({ offerId: offer.id });
    expect(inbox.items[0]).toMatchObject({ status: "withdrawn", message: null, candidate: { contact: null } });
    expect(leaks(inbox, p)).toEqual([]);
  });
});

describe("an employer can never see another company's applicants", () => {
  it("inbox_candidate_and_setStatus_of_another_company_answer_not_found", async () => {
    const acme = await company();
    const rival = await company();
    const offer = await acme.offer();
    const rivalOffer = await rival.offer();
    // an applicant who is not searchable: only the company applied to may know them
    const p = await person(BLOIS, { visibleToEmployers: false });
    await p.caller.applications.applyToOffer({ offerId: offer.id, message: "Je suis disponible." });
    const inbox = await acme.owner.recruiting.inbox({ offerId: offer.id });
    const applicationId = inbox.items[0]!.id;

    await expect(rival.owner.recruiting.inbox({ offerId: offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rival.owner.recruiting.candidates({ offerId: offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rival.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // nor through its own offer
    await expect(rival.owner.recruiting.candidate({ offerId: rivalOffer.id, candidateId: candidateHandle(rivalOffer.id, p.profileId) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const status of ["interview", "hired", "declined"] as const) {
      await expect(
        rival.owner.recruiting.setStatus({ applicationId, status, reason: status === "declined" ? "other" : undefined }),
      ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Candidature introuvable." });
    }
    await expect(rival.owner.recruiting.recordHire({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await rival.owner.recruiting.inbox({ offerId: rivalOffer.id })).items).toEqual([]);
    // an account without a company sees nothing either
    const { caller: loner } = await callerAs(h.db, "employer");
    await expect(loner.recruiting.inbox({ offerId: offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // nothing changed
    expect((await p.caller.applications.mine())[0]!.status).toBe("seen");
  });

  it("a searchable applicant seen through another company's offer stays pseudonymised, without the applied flag", async () => {
    const acme = await company();
    const rival = await company();
    const offer = await acme.offer();
    const rivalOffer = await rival.offer();
    const p = await person();
    await p.caller.applications.applyToOffer({ offerId: offer.id });
    const view = await rival.owner.recruiting.candidate({ offerId: rivalOffer.id, candidateId: candidateHandle(rivalOffer.id, p.profileId) });
    expect(view).toMatchObject({ identity: null, applied: false, application: null });
    expect(leaks(view, p)).toEqual([]);
    const card = (await rival.owner.recruiting.candidates({ offerId: rivalOffer.id })).items.find((i) => i.candidateId === candidateHandle(rivalOffer.id, p.profileId));
    expect(card).toMatchObject({ applied: false, identityGranted: false });
    expect(leaks(await rival.owner.recruiting.candidates({ offerId: rivalOffer.id }), p)).toEqual([]);
  });
});

describe("identity only after acceptance", () => {
  it("pending_and_declined_requests_keep_the_person_pseudonymised_accepted_reveals_identity", async () => {
    const acme = await company();
    const offer = await acme.offer();
    const yes = await person();
    const no = await person();

    for (const p of [yes, no]) {
      await acme.owner.proposals.create({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId), message: "Nous aimerions vous rencontrer." });
      const pending = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) });
      expect(pending).toMatchObject({ identity: null, contact: { state: "pending" } });
      expect(leaks(pending, p)).toEqual([]);
    }
    const list = await acme.owner.recruiting.candidates({ offerId: offer.id });
    expect(list.items.map((i) => i.contact)).toEqual(["pending", "pending"]);

    const [forYes] = await yes.caller.proposals.mine();
    await yes.caller.proposals.answer({ proposalId: forYes!.id, accept: true });
    const [forNo] = await no.caller.proposals.mine();
    await no.caller.proposals.answer({ proposalId: forNo!.id, accept: false });

    const declined = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, no.profileId) });
    expect(declined).toMatchObject({ identity: null, contact: { state: "declined" } });
    expect(leaks(declined, no)).toEqual([]);

    const accepted = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, yes.profileId) });
    expect(accepted).toMatchObject({
      grantedBy: "contact",
      contact: { state: "accepted" },
      canRecordHire: true,
      identity: {
        firstName: yes.secrets.firstName,
        lastName: yes.secrets.lastName,
        email: yes.secrets.email,
        phone: yes.secrets.phone,
        communeName: "Blois",
        jobsSought: [{ label: "Aide-soignant" }],
        about: yes.secrets.about,
      },
    });
    // even with identity: never the exact point, the adviser or the département's identifiers
    const extra = JSON.stringify(accepted);
    for (const secret of [yes.secrets.externalId, yes.adviser.id, String(yes.point.lat), String(yes.point.lng)]) {
      expect(extra).not.toContain(secret);
    }
    // the list stays pseudonymised, with the state of each request
    const after = await acme.owner.recruiting.candidates({ offerId: offer.id });
    expect(Object.fromEntries(after.items.map((i) => [i.candidateId, [i.contact, i.identityGranted]]))).toEqual({
      [candidateHandle(offer.id, yes.profileId)]: ["accepted", true],
      [candidateHandle(offer.id, no.profileId)]: ["declined", false],
    });
    expect(leaks(after, yes)).toEqual([]);
    expect(leaks(after, no)).toEqual([]);
  });

  it("acceptance for one offer opens the identity for the company's other offers, not for another company", async () => {
    const acme = await company();
    const rival = await company();
    const first = await acme.offer();
    const second = await acme.offer();
    const rivalOffer = await rival.offer();
    const p = await person();
    await acme.owner.proposals.create({ offerId: first.id, candidateId: candidateHandle(first.id, p.profileId) });
    await p.caller.proposals.answer({ proposalId: (await p.caller.proposals.mine())[0]!.id, accept: true });
    expect((await acme.owner.recruiting.candidate({ offerId: second.id, candidateId: candidateHandle(second.id, p.profileId) })).identity).not.toBeNull();
    const theirs = await rival.owner.recruiting.candidate({ offerId: rivalOffer.id, candidateId: candidateHandle(rivalOffer.id, p.profileId) });
    expect(theirs.identity).toBeNull();
    expect(leaks(theirs, p)).toEqual([]);
  });

  it("a_recruiter_of_the_same_company_sees_exactly_what_the_owner_sees", async () => {
    const acme = await company(1);
    const offer = await acme.offer();
    const shy = await person();
    const open = await person();
    await acme.recruiter!.proposals.create({ offerId: offer.id, candidateId: candidateHandle(offer.id, open.profileId) });
    await open.caller.proposals.answer({ proposalId: (await open.caller.proposals.mine())[0]!.id, accept: true });

    expect(await acme.recruiter!.recruiting.candidates({ offerId: offer.id })).toEqual(
      await acme.owner.recruiting.candidates({ offerId: offer.id }),
    );
    for (const p of [shy, open]) {
      expect(await acme.recruiter!.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) })).toEqual(
        await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, p.profileId) }),
      );
    }
    expect((await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, open.profileId) })).identity?.lastName).toBe(
      open.secrets.lastName,
    );
    expect(await acme.recruiter!.recruiting.inbox({ offerId: offer.id })).toEqual(await acme.owner.recruiting.inbox({ offerId: offer.id }));
  });
});

describe("the candidates list", () => {
  it("filters by distance and licence, and flags applications and advisers' proposals", async () => {
    const acme = await company();
    const offer = await acme.offer(BLOIS, { radiusKm: 60 });
    const h_ = (p: Person) => candidateHandle(offer.id, p.profileId);
    const near = await person(BLOIS);
    const far = await person(VENDOME);
    const noLicence = await person(BLOIS, { drivingLicence: "none", hasVehicle: false });

    const all = await acme.owner.recruiting.candidates({ offerId: offer.id });
    expect(new Set(all.items.map((i) => i.candidateId))).toEqual(new Set([h_(near), h_(far), h_(noLicence)]));
    const farCard = all.items.find((i) => i.candidateId === h_(far))!;
    // Vendôme's centre is a little over 30 km from Blois's
    expect(farCard.distanceLabel).toBe("30 à 50 km");
    expect(farCard.reasons).toContain(farCard.distanceLabel);
    expect(all.items.map((i) => i.rank)).toEqual([1, 2, 3]);

    const close = await acme.owner.recruiting.candidates({ offerId: offer.id, maxDistanceKm: 10 });
    expect(new Set(close.items.map((i) => i.candidateId))).toEqual(new Set([h_(near), h_(noLicence)]));
    const licensed = await acme.owner.recruiting.candidates({ offerId: offer.id, maxDistanceKm: 10, licence: true });
    expect(licensed.items.map((i) => i.candidateId)).toEqual([h_(near)]);
    for (const maxDistanceKm of [0, 1, 7, 12.5, 100, 200]) {
      await expect(acme.owner.recruiting.candidates({ offerId: offer.id, maxDistanceKm })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("Choisissez une distance parmi 5, 10, 20, 30, 50 km."),
      });
    }

    await near.caller.applications.applyToOffer({ offerId: offer.id });
    // The person's own adviser (advisers propose only to their caseload).
    const adviser = await callerFor(h.db, far.adviser.id);
    await adviser.proposals.create({ offerId: offer.id, profileId: far.profileId });
    const flagged = await acme.owner.recruiting.candidates({ offerId: offer.id });
    const flags = Object.fromEntries(flagged.items.map((i) => [i.candidateId, [i.applied, i.proposedByAdviser]]));
    expect(flags).toEqual({
      [h_(near)]: [true, false],
      [h_(far)]: [false, true],
      [h_(noLicence)]: [false, false],
    });
    // advisers and admins get the same cards
    expect((await adviser.recruiting.candidates({ offerId: offer.id })).items).toHaveLength(3);
  });

  it("applicants outside the ranking are counted and reachable from the inbox", async () => {
    const acme = await company();
    const offer = await acme.offer(BLOIS, { radiusKm: 5 });
    const far = await person(VENDOME);
    await far.caller.applications.applyToOffer({ offerId: offer.id });
    const list = await acme.owner.recruiting.candidates({ offerId: offer.id });
    expect(list.items).toEqual([]);
    expect(list.applicantsNotListed).toBe(1);
    const inbox = await acme.owner.recruiting.inbox({ offerId: offer.id });
    expect(inbox.items[0]!.candidate.contact).toMatchObject({ lastName: far.secrets.lastName });
    const view = await acme.owner.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, far.profileId) });
    expect(view).toMatchObject({ applied: true, grantedBy: "application", card: { score: null } });
    expect(view.card.distanceLabel).toBe("30 à 50 km");
  });
});
