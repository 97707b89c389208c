import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "../applications/schema";
import { verifySignIn } from "../auth/accounts";
import { auditEvents } from "../audit/schema";
import { users } from "../auth/schema";
import type { DatabaseHandle } from "../db/client";
import { isLuhnValid } from "../lib/luhn";
import { offers, offerViews } from "../offers/schema";
import { upsertEmployer } from "./employers";
import { organisationMembers, organisations } from "./schema";
import { callerAs, callerFor, userByEmail } from "../testing/callers";
import { signUpConfirmed } from "../testing/sign-up";
import { openTestDatabase } from "../testing/db";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { membershipOf } from "./membership";
import { SIRET_INVALID } from "./siret";
import { fieldErrors } from "../testing/errors";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

let seq = 0;
/** A fresh SIRET with a valid Luhn key. */
function newSiret(): string {
  seq++;
  const base = `81${String(seq).padStart(11, "0")}`;
  for (let d = 0; d < 10; d++) if (isLuhnValid(`${base}${d}`)) return `${base}${d}`;
  throw new Error("unreachable");
}

/** "12345678901234" → "123 456 789 01234", as people type it. */
const spaced = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;

let emails = 0;
function companySignUp(overrides: Record<string, unknown> = {}) {
  emails++;
  return {
    role: "employer" as "employer" | "training_org",
    firstName: "Nadia",
    lastName: "Recrute",
    email: `nadia.${emails}@boulangerie.fr`,
    password: "Farine-2026",
    acceptTerms: true as const,
    siret: spaced(newSiret()),
    organisationName: "Boulangerie du Loir",
    communeInsee: "41269",
    addressLine: "12 rue Poterie",
    ...overrides,
  };
}

async function userCount() {
  const [r] = await h.db.select({ n: count() }).from(users);
  return Number(r!.n);
}

async function signUpCompany(overrides: Record<string, unknown> = {}) {
  const input = companySignUp(overrides);
  const anon = await callerFor(h.db, null);
  const user = await signUpConfirmed(anon, h.db, input as never);
  return { user, input, caller: await callerFor(h.db, user.id) };
}

describe("a company signs up with its SIRET", () => {
  it("employer_can_sign_up_with_a_valid_siret: account, organisation at the commune centre, owner membership, audit", async () => {
    const siret = newSiret();
    const { user, caller } = await signUpCompany({ siret: spaced(siret) });
    expect(user).toMatchObject({ role: "employer" });
    const m = await membershipOf(h.db, user.id);
    expect(m).toMatchObject({ kind: "company", name: "Boulangerie du Loir", isOwner: true });
    const [org] = await h.db.select().from(organisations).where(eq(organisations.id, m!.employerId));
    expect(org).toMatchObject({ siret, communeInsee: "41269", addressLine: "12 rue Poterie", kind: "company" });
    expect(org!.location).toBeTruthy();

    const mine = await caller.organisations.mine();
    expect(mine).toMatchObject({ siret, name: "Boulangerie du Loir", communeName: "Vendôme", isOwner: true });
    expect(mine!.members).toEqual([
      expect.objectContaining({ userId: user.id, firstName: "Nadia", isOwner: true, status: "active" }),
    ]);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["account.sign_up", "organisation.register"]));
  });

  it.each([
    ["a wrong key", "732 829 320 00075", SIRET_INVALID],
    ["13 digits", "7328293200007", /^Le SIRET compte 14 chiffres/],
    ["a letter", "73282932O00074", /^Le SIRET compte 14 chiffres/],
    ["nothing", "", /Indiquez le numéro SIRET/],
  ])("refuses a SIRET with %s, on the siret field, and creates nothing", async (_what, siret, message) => {
    const before = await userCount();
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp(companySignUp({ siret }) as never));
    expect(errors.siret?.[0]).toMatch(message);
    expect(await userCount()).toBe(before);
  });

  it("gives every problem in one round: SIRET, organisation name, commune and e-mail together", async () => {
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(
      anon.auth.signUp(companySignUp({ siret: "123", organisationName: " ", communeInsee: "", email: "nadia@" }) as never),
    );
    expect(errors.siret?.[0]).toMatch(/14 chiffres/);
    expect(errors.organisationName?.[0]).toMatch(/nom de votre entreprise/);
    expect(errors.communeInsee?.[0]).toMatch(/liste des suggestions/);
    expect(errors.email?.[0]).toMatch(/n'est pas valide/);
  });

  it("requires the organisation's fields from employers even when a caller leaves them out", async () => {
    const anon = await callerFor(h.db, null);
    const { siret: _s, organisationName: _n, communeInsee: _c, addressLine: _a, ...person } = companySignUp();
    const errors = await fieldErrors(anon.auth.signUp(person as never));
    expect(Object.keys(errors).sort()).toEqual(["communeInsee", "organisationName", "siret"]);
  });

  it("refuses an unknown commune code", async () => {
    const anon = await callerFor(h.db, null);
    const input = companySignUp({ communeInsee: "99999" });
    const errors = await fieldErrors(anon.auth.signUp(input as never));
    expect(errors.communeInsee?.[0]).toMatch(/ne connaissons pas cette commune/);
    expect(await userByEmail(h.db, input.email)).toBeNull();
  });

  it("accepts a La Poste establishment (its own check rule)", async () => {
    const { user } = await signUpCompany({ siret: "356 000 000 49837", organisationName: "La Poste Vendôme" });
    expect((await membershipOf(h.db, user.id))?.name).toBe("La Poste Vendôme");
  });

  it("cannot register a SIRET that already has an account: the person is told to ask a colleague", async () => {
    const siret = newSiret();
    await signUpCompany({ siret });
    const before = await userCount();
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp(companySignUp({ siret: spaced(siret) }) as never));
    expect(errors.siret).toEqual([
      "Cette entreprise a déjà un compte. Demandez à une personne de votre entreprise déjà inscrite de vous ajouter comme recruteur.",
    ]);
    expect(await userCount()).toBe(before);
  });

  it("says the SIRET is taken, never the e-mail (issue 15: no address enumeration)", async () => {
    const { input } = await signUpCompany();
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp(companySignUp({ siret: input.siret, email: input.email }) as never));
    expect(errors.email).toBeUndefined();
    expect(errors.siret?.[0]).toMatch(/déjà un compte/);
  });

  it("claims an employer an import created (no members yet): the account owns it and its offers", async () => {
    const siret = newSiret();
    const importedId = await upsertEmployer(h.db, { siret, name: "Employeur SIRET importé" });
    const offer = await makeOffer(h.db, "41269", { employerId: importedId });
    const { user, caller } = await signUpCompany({ siret, organisationName: "Garage Martin", communeInsee: "41018" });
    const m = await membershipOf(h.db, user.id);
    expect(m).toMatchObject({ employerId: importedId, isOwner: true, name: "Garage Martin" });
    const [org] = await h.db.select().from(organisations).where(eq(organisations.id, importedId));
    expect(org).toMatchObject({ name: "Garage Martin", communeInsee: "41018" });
    const [own] = await h.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(own!.employerId).toBe(importedId);
    expect((await caller.organisations.stats())?.offers.published).toBe(1);
    // and then it is taken
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp(companySignUp({ siret }) as never));
    expect(errors.siret?.[0]).toMatch(/déjà un compte/);
  });
});

describe("a training organisation signs up the same way", () => {
  it("training_org_can_sign_up_with_its_siret", async () => {
    const { user, caller } = await signUpCompany({ role: "training_org", organisationName: "AFPA Blois", communeInsee: "41018" });
    expect(user.role).toBe("training_org");
    expect(await membershipOf(h.db, user.id)).toMatchObject({ kind: "training_org", isOwner: true, name: "AFPA Blois" });
    expect((await caller.organisations.mine())?.kind).toBe("training_org");
  });

  it("cannot take a company's SIRET as a training organisation, nor the reverse", async () => {
    const companySiret = newSiret();
    await upsertEmployer(h.db, { siret: companySiret, name: "Entreprise importée" });
    const anon = await callerFor(h.db, null);
    const asTraining = await fieldErrors(anon.auth.signUp(companySignUp({ role: "training_org", siret: companySiret }) as never));
    expect(asTraining.siret?.[0]).toMatch(/déjà inscrit comme entreprise qui recrute/);

    const trainingSiret = newSiret();
    await signUpCompany({ role: "training_org", siret: trainingSiret });
    const asCompany = await fieldErrors(anon.auth.signUp(companySignUp({ role: "employer", siret: trainingSiret }) as never));
    expect(asCompany.siret?.[0]).toMatch(/déjà inscrit comme organisme de formation/);
  });

  it("a beneficiary still signs up without any organisation field", async () => {
    const anon = await callerFor(h.db, null);
    const u = await signUpConfirmed(anon, h.db, {
      role: "beneficiary",
      firstName: "Léa",
      lastName: "Martin",
      email: "lea.sans.siret@exemple.fr",
      password: "Jardin-2026",
      acceptTerms: true,
    });
    expect(await membershipOf(h.db, u.id)).toBeNull();
  });
});

describe("accounts created by an admin register their organisation later", () => {
  it("employer_without_organisation_registers_it: mine and stats are null until then", async () => {
    const { caller, user } = await callerAs(h.db, "employer");
    expect(await caller.organisations.mine()).toBeNull();
    expect(await caller.organisations.stats()).toBeNull();
    const siret = newSiret();
    const mine = await caller.organisations.register({ siret: spaced(siret), organisationName: "Menuiserie", communeInsee: "41018" });
    expect(mine).toMatchObject({ siret, name: "Menuiserie", isOwner: true, addressLine: null });
    expect(await membershipOf(h.db, user.id)).toMatchObject({ isOwner: true });
    // only once
    await expect(
      caller.organisations.register({ siret: newSiret(), organisationName: "Autre", communeInsee: "41018" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/déjà rattaché/) });
  });

  it("register checks the SIRET like the sign-up", async () => {
    const { caller } = await callerAs(h.db, "training_org");
    const bad = await fieldErrors(caller.organisations.register({ siret: "73282932000075", organisationName: "X", communeInsee: "41018" }));
    expect(bad.siret).toEqual([SIRET_INVALID]);
    const { input } = await signUpCompany({ role: "training_org" });
    const taken = await fieldErrors(caller.organisations.register({ siret: input.siret, organisationName: "X", communeInsee: "41018" }));
    expect(taken.siret?.[0]).toMatch(/Cet organisme a déjà un compte/);
    expect(await caller.organisations.mine()).toBeNull();
  });
});

describe("the owner manages the organisation and its recruiters", () => {
  it("recruiter_added_by_the_owner_activates_with_the_code_and_shares_the_company", async () => {
    const { user: owner, caller } = await signUpCompany();
    const added = await caller.organisations.addRecruiter({ firstName: "Paul", lastName: "Second", email: "Paul.Second@Boulangerie.fr" });
    expect(added.accessCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    expect(added.user).toMatchObject({ role: "employer", email: "paul.second@boulangerie.fr" });
    const listed = await caller.organisations.mine();
    expect(listed!.members.map((m) => [m.firstName, m.isOwner, m.status])).toEqual([
      ["Nadia", true, "active"],
      ["Paul", false, "pending"],
    ]);
    // pending: cannot sign in before activating
    expect((await verifySignIn(h.db, "paul.second@boulangerie.fr", "Levain-2026", "203.0.113.9")).ok).toBe(false);

    const anon = await callerFor(h.db, null);
    const activated = await anon.auth.activate({ code: added.accessCode, email: "paul.second@boulangerie.fr", password: "Levain-2026" });
    expect(activated).toMatchObject({ id: added.user.id, role: "employer" });
    expect((await verifySignIn(h.db, "paul.second@boulangerie.fr", "Levain-2026", "203.0.113.9")).ok).toBe(true);

    const mOwner = await membershipOf(h.db, owner.id);
    const mRecruiter = await membershipOf(h.db, added.user.id);
    expect(mRecruiter).toMatchObject({ employerId: mOwner!.employerId, isOwner: false });
    const recruiter = await callerFor(h.db, added.user.id);
    const seen = await recruiter.organisations.mine();
    expect(seen).toMatchObject({ id: mOwner!.employerId, isOwner: false });
    expect(seen!.members.find((m) => m.userId === added.user.id)?.status).toBe("active");
  });

  it("refuses a recruiter e-mail that already has an account, on the email field", async () => {
    const { caller, input } = await signUpCompany();
    const errors = await fieldErrors(caller.organisations.addRecruiter({ firstName: "Moi", lastName: "Même", email: input.email }));
    expect(errors.email?.[0]).toMatch(/existe déjà/);
    const missing = await fieldErrors(caller.organisations.addRecruiter({ firstName: "", lastName: "X", email: "x@" }));
    expect(missing.firstName?.[0]).toMatch(/prénom de la personne/);
    expect(missing.email?.[0]).toMatch(/n'est pas valide/);
  });

  it("a training organisation's owner adds a colleague of the same role", async () => {
    const { caller } = await signUpCompany({ role: "training_org" });
    const added = await caller.organisations.addRecruiter({ firstName: "Inès", lastName: "Formatrice", email: "ines@afpa.fr" });
    expect(added.user.role).toBe("training_org");
  });

  it("non_owner_cannot_edit_the_company_nor_manage_recruiters (FORBIDDEN, in French)", async () => {
    const { caller: owner, user: ownerUser } = await signUpCompany();
    const added = await owner.organisations.addRecruiter({ firstName: "Zoé", lastName: "Aide", email: "zoe.aide@boulangerie.fr" });
    await callerFor(h.db, null).then((a) =>
      a.auth.activate({ code: added.accessCode, email: "zoe.aide@boulangerie.fr", password: "Levain-2026" }),
    );
    const recruiter = await callerFor(h.db, added.user.id);
    const forbidden = { code: "FORBIDDEN", message: expect.stringMatching(/^Seule la personne qui a inscrit l'entreprise/) };
    await expect(recruiter.organisations.update({ organisationName: "Piratée", communeInsee: "41018" })).rejects.toMatchObject(forbidden);
    await expect(
      recruiter.organisations.addRecruiter({ firstName: "A", lastName: "B", email: "ab@boulangerie.fr" }),
    ).rejects.toMatchObject(forbidden);
    await expect(recruiter.organisations.removeRecruiter({ userId: ownerUser.id })).rejects.toMatchObject(forbidden);
    await expect(recruiter.organisations.reissueRecruiterCode({ userId: ownerUser.id })).rejects.toMatchObject(forbidden);
    expect((await owner.organisations.mine())!.name).toBe("Boulangerie du Loir");
    expect(await userByEmail(h.db, "ab@boulangerie.fr")).toBeNull();
    // but a recruiter sees the company and its totals
    expect((await recruiter.organisations.mine())!.members).toHaveLength(2);
    expect(await recruiter.organisations.stats()).toMatchObject({ offers: { total: 0 } });
  });

  it("the owner updates the name, commune and address", async () => {
    const { caller, user } = await signUpCompany();
    const updated = await caller.organisations.update({ organisationName: "Boulangerie Martin", communeInsee: "41018", addressLine: "" });
    expect(updated).toMatchObject({ name: "Boulangerie Martin", communeInsee: "41018", communeName: "Blois", addressLine: null });
    const errors = await fieldErrors(caller.organisations.update({ organisationName: "", communeInsee: "xx" }));
    expect(Object.keys(errors).sort()).toEqual(["communeInsee", "organisationName"]);
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, user.id), eq(auditEvents.action, "organisation.update")));
    expect(audit).toHaveLength(1);
  });

  it("removing a recruiter disables the account and its unused code, keeps the offers; never oneself", async () => {
    const { caller: owner, user: ownerUser } = await signUpCompany();
    const active = await owner.organisations.addRecruiter({ firstName: "Actif", lastName: "Un", email: "actif.un@boulangerie.fr" });
    await (await callerFor(h.db, null)).auth.activate({
      code: active.accessCode,
      email: "actif.un@boulangerie.fr",
      password: "Levain-2026",
    });
    const employerId = (await membershipOf(h.db, ownerUser.id))!.employerId;
    const offer = await makeOffer(h.db, "41269", { employerId, createdBy: active.user.id });
    const pending = await owner.organisations.addRecruiter({ firstName: "Attente", lastName: "Deux", email: "attente.deux@boulangerie.fr" });

    await owner.organisations.removeRecruiter({ userId: active.user.id });
    await owner.organisations.removeRecruiter({ userId: pending.user.id });
    expect((await owner.organisations.mine())!.members.map((m) => m.userId)).toEqual([ownerUser.id]);
    expect(await membershipOf(h.db, active.user.id)).toBeNull();
    expect(await verifySignIn(h.db, "actif.un@boulangerie.fr", "Levain-2026", "203.0.113.20")).toEqual({
      ok: false,
      reason: "disabled",
    });
    const late = await fieldErrors(
      (await callerFor(h.db, null)).auth.activate({ code: pending.accessCode, email: "attente.deux@boulangerie.fr", password: "Levain-2026" }),
    );
    expect(late.code?.[0]).toMatch(/n'est pas valable/);
    const [kept] = await h.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(kept!.employerId).toBe(employerId);

    await expect(owner.organisations.removeRecruiter({ userId: ownerUser.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/vous retirer vous-même/),
    });
  });

  it("a new code for a pending recruiter replaces the old one; never for an active account", async () => {
    const { caller: owner } = await signUpCompany();
    const added = await owner.organisations.addRecruiter({ firstName: "Perdu", lastName: "Code", email: "perdu.code@boulangerie.fr" });
    const again = await owner.organisations.reissueRecruiterCode({ userId: added.user.id });
    const anon = await callerFor(h.db, null);
    const old = await fieldErrors(anon.auth.activate({ code: added.accessCode, email: "perdu.code@boulangerie.fr", password: "Levain-2026" }));
    expect(old.code).toBeDefined();
    await anon.auth.activate({ code: again.code, email: "perdu.code@boulangerie.fr", password: "Levain-2026" });
    const active = await fieldErrors(owner.organisations.reissueRecruiterCode({ userId: added.user.id }));
    expect(active.userId?.[0]).toMatch(/déjà activé/);
  });
});

describe("one company never sees or touches another's people", () => {
  it("other_company_members_are_never_listed_nor_removable", async () => {
    const a = await signUpCompany({ organisationName: "Entreprise A" });
    const b = await signUpCompany({ organisationName: "Entreprise B" });
    const bRecruiter = await b.caller.organisations.addRecruiter({ firstName: "Bea", lastName: "B", email: "bea@entreprise-b.fr" });
    const seenByA = await a.caller.organisations.mine();
    expect(seenByA!.members.map((m) => m.userId)).toEqual([a.user.id]);
    expect(JSON.stringify(seenByA)).not.toContain("bea@entreprise-b.fr");

    for (const userId of [bRecruiter.user.id, b.user.id]) {
      await expect(a.caller.organisations.removeRecruiter({ userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(a.caller.organisations.reissueRecruiterCode({ userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await b.caller.organisations.mine())!.members).toHaveLength(2);
    const [stillThere] = await h.db.select().from(organisationMembers).where(eq(organisationMembers.userId, bRecruiter.user.id));
    expect(stillThere).toBeDefined();
  });

  it("a member of a factory-made company sees only their own organisation", async () => {
    const one = await makeOrganisation(h.db, "company", 1);
    const two = await makeOrganisation(h.db, "company", 1);
    const caller = await callerFor(h.db, one.recruiters[0]!.id);
    const mine = await caller.organisations.mine();
    expect(mine!.id).toBe(one.employerId);
    expect(mine!.members.map((m) => m.userId).sort()).toEqual([one.owner.id, one.recruiters[0]!.id].sort());
    expect(mine!.members.map((m) => m.userId)).not.toContain(two.owner.id);
  });
});

describe("company statistics", () => {
  it("counts the company's offers by status, their views, applications and hires, and nothing of others", async () => {
    const { caller, user } = await signUpCompany();
    const employerId = (await membershipOf(h.db, user.id))!.employerId;
    const today = instanceToday();
    const yesterday = addDays(today, -1);
    const live = await makeOffer(h.db, "41269", { employerId, status: "published" });
    const second = await makeOffer(h.db, "41269", { employerId, status: "published", expiresOn: today });
    await makeOffer(h.db, "41269", { employerId, status: "published", startsOn: yesterday, expiresOn: yesterday });
    await makeOffer(h.db, "41269", { employerId, status: "draft" });
    await makeOffer(h.db, "41269", { employerId, status: "paused" });
    await makeOffer(h.db, "41269", { employerId, status: "filled" });
    await makeOffer(h.db, "41269", { employerId, status: "closed" });
    const elsewhere = await makeOffer(h.db, "41269"); // another employer's

    const p1 = await makeProfile(h.db, "41269");
    const p2 = await makeProfile(h.db, "41269");
    await h.db.insert(offerViews).values([
      { offerId: live.id, profileId: p1.id },
      { offerId: live.id, profileId: p2.id },
      { offerId: second.id, profileId: p1.id },
      { offerId: elsewhere.id, profileId: p1.id },
    ]);
    await h.db.insert(applications).values([
      { profileId: p1.id, offerId: live.id, status: "hired" },
      { profileId: p2.id, offerId: live.id, status: "sent" },
      { profileId: p1.id, offerId: second.id, status: "declined" },
      { profileId: p2.id, offerId: elsewhere.id, status: "hired" },
    ]);

    expect(await caller.organisations.stats()).toEqual({
      offers: { total: 7, draft: 1, published: 2, expired: 1, paused: 1, filled: 1, closed: 1 },
      views: 3,
      applications: 3,
      hires: 1,
    });
  });
});
