import { TRPCError } from "@trpc/server";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { auditEvents } from "../audit/schema";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, userByEmail } from "../testing/callers";
import { signUpConfirmed } from "../testing/sign-up";
import { MAX_FAILURES_PER_ACCOUNT_ADDRESS as MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES, verifySignIn } from "./accounts";
import { users } from "./schema";
import { fieldErrors } from "../testing/errors";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const good = {
  role: "beneficiary" as const,
  firstName: "Léa",
  lastName: "Martin",
  email: "Lea.Martin@Exemple.fr",
  password: "Jardin-2026",
  acceptTerms: true as const,
};

async function userCount() {
  const [r] = await h.db.select({ n: count() }).from(users);
  return Number(r!.n);
}

describe("a person signs up", () => {
  it("beneficiary_can_sign_up_and_sign_in (e-mail stored lower-case, password hashed)", async () => {
    const anon = await callerFor(h.db, null);
    const user = await signUpConfirmed(anon, h.db, good);
    expect(user).toMatchObject({ role: "beneficiary", email: "lea.martin@exemple.fr" });
    const stored = await userByEmail(h.db, "lea.martin@exemple.fr");
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain(good.password);
    const ok = await verifySignIn(h.db, "LEA.MARTIN@exemple.fr", good.password, "203.0.113.1");
    expect(ok.ok).toBe(true);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((a) => a.action)).toContain("account.sign_up");
  });

  it("cannot_reuse_an_existing_email: answered as a new address (issue 15), nothing stored", async () => {
    const before = await userCount();
    const anon = await callerFor(h.db, null);
    expect(await anon.auth.signUp({ ...good, email: "LEA.martin@exemple.fr" })).toEqual({ ok: true });
    expect(await userCount()).toBe(before);
  });

  it("gets a message per bad field: malformed e-mail, weak password, missing name, terms", async () => {
    const before = await userCount();
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(
      anon.auth.signUp({ ...good, email: "lea@", password: "azerty", firstName: " ", acceptTerms: false as never }),
    );
    expect(errors.email?.[0]).toMatch(/n'est pas valide/);
    expect(errors.password?.[0]).toMatch(/au moins 8 caractères/);
    expect(errors.firstName?.[0]).toMatch(/prénom/);
    expect(errors.acceptTerms?.[0]).toMatch(/conditions/);
    expect(await userCount()).toBe(before);
  });

  it.each([
    ["motdepasse", /lettre et un chiffre/],
    ["azerty123", /trop courant/],
    ["a1a1a1a1a1", /répète/],
  ])("refuses the weak password %s", async (password, message) => {
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp({ ...good, email: "weak@exemple.fr", password }));
    expect(errors.password?.join(" ")).toMatch(message);
    expect(await userByEmail(h.db, "weak@exemple.fr")).toBeNull();
  });

  it("cannot sign up as an adviser or an admin", async () => {
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(anon.auth.signUp({ ...good, email: "boss@exemple.fr", role: "admin" as never }));
    expect(errors.role).toBeDefined();
    expect(await userByEmail(h.db, "boss@exemple.fr")).toBeNull();
  });
});

describe("an adviser creates an account and the person activates it with the code", () => {
  it("adviser_can_create_a_beneficiary_who_activates_with_the_code", async () => {
    const { caller: adviser, user: adviserUser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Jean", lastName: "Sans-Mail" });
    expect(created.accessCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    expect(created.user.territoryCode).toBe("blois");
    const pending = await verifySignIn(h.db, "jean@exemple.fr", "Jardin-2026", "203.0.113.2");
    expect(pending.ok).toBe(false);

    const anon = await callerFor(h.db, null);
    // typed from paper: lower case, without dashes
    const code = created.accessCode.toLowerCase().replace(/-/g, " ");
    const activated = await anon.auth.activate({ code, email: "jean@exemple.fr", password: "Jardin-2026" });
    expect(activated).toMatchObject({ id: created.user.id, email: "jean@exemple.fr", role: "beneficiary" });
    expect((await verifySignIn(h.db, "jean@exemple.fr", "Jardin-2026", "203.0.113.2")).ok).toBe(true);

    // the code is single-use
    const again = await fieldErrors(anon.auth.activate({ code, email: "jean2@exemple.fr", password: "Jardin-2026" }));
    expect(again.code?.[0]).toMatch(/n'est pas valable/);
    const [stored] = await h.db.select().from(users).where(eq(users.id, created.user.id));
    expect(stored!.createdBy).toBe(adviserUser.id);
  });

  it("an unknown code gets a French message on the code field, nothing changes", async () => {
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(
      anon.auth.activate({ code: "ABCD-EFGH-JK", email: "nobody@exemple.fr", password: "Jardin-2026" }),
    );
    expect(errors.code?.[0]).toMatch(/n'est pas valable/);
    expect(await userByEmail(h.db, "nobody@exemple.fr")).toBeNull();
  });

  it("a reissued code replaces the previous one", async () => {
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Paul", lastName: "Relance" });
    const second = await adviser.accounts.reissueAccessCode({ userId: created.user.id });
    const anon = await callerFor(h.db, null);
    const errors = await fieldErrors(
      anon.auth.activate({ code: created.accessCode, email: "paul@exemple.fr", password: "Jardin-2026" }),
    );
    expect(errors.code).toBeDefined();
    await anon.auth.activate({ code: second.code, email: "paul@exemple.fr", password: "Jardin-2026" });
    expect((await userByEmail(h.db, "paul@exemple.fr"))?.status).toBe("active");
  });

  it("adviser_can_give_a_new_code_to_a_person_who_forgot_their_password", async () => {
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "sud-loire" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Oubli", lastName: "Mdp" });
    const anon = await callerFor(h.db, null);
    await anon.auth.activate({ code: created.accessCode, email: "oubli@exemple.fr", password: "Jardin-2026" });
    const reset = await adviser.accounts.reissueAccessCode({ userId: created.user.id });
    await anon.auth.activate({ code: reset.code, email: "oubli@exemple.fr", password: "Potager-2027" });
    expect((await verifySignIn(h.db, "oubli@exemple.fr", "Jardin-2026", "203.0.113.70")).ok).toBe(false);
    expect((await verifySignIn(h.db, "oubli@exemple.fr", "Potager-2027", "203.0.113.71")).ok).toBe(true);
  });

  it("adviser_cannot_reissue_a_code_for_another_territory", async () => {
    const { caller: blois } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: vendome } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const created = await blois.accounts.createBeneficiary({ firstName: "Zoé", lastName: "Autre" });
    const errors = await fieldErrors(vendome.accounts.reissueAccessCode({ userId: created.user.id }));
    expect(errors.userId).toBeDefined();
  });
});

describe("sign-in protection", () => {
  it("refuses a wrong password and an unknown account alike", async () => {
    const anon = await callerFor(h.db, null);
    await signUpConfirmed(anon, h.db, { ...good, email: "pierre@exemple.fr" });
    expect(await verifySignIn(h.db, "pierre@exemple.fr", "Mauvais-2026", "203.0.113.3")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(h.db, "personne@exemple.fr", "Mauvais-2026", "203.0.113.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops one address after repeated failures on an account, even with the right password", async () => {
    const anon = await callerFor(h.db, null);
    await signUpConfirmed(anon, h.db, { ...good, email: "cible@exemple.fr" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await verifySignIn(h.db, "cible@exemple.fr", `Essai-${i}x`, "203.0.113.10")).ok).toBe(false);
    }
    expect(await verifySignIn(h.db, "cible@exemple.fr", good.password, "203.0.113.10")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("a disabled account cannot sign in and its session stops working", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const anon = await callerFor(h.db, null);
    const u = await signUpConfirmed(anon, h.db, { ...good, email: "parti@exemple.fr" });
    const before = await callerFor(h.db, u.id);
    expect((await before.auth.me())?.id).toBe(u.id);
    await admin.accounts.setStatus({ userId: u.id, status: "disabled" });
    expect(await verifySignIn(h.db, "parti@exemple.fr", good.password, "203.0.113.60")).toEqual({
      ok: false,
      reason: "disabled",
    });
    const after = await callerFor(h.db, u.id);
    await expect(after.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("admins manage accounts", () => {
  it("admin_can_create_an_adviser_who_activates_with_the_code", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const created = await admin.accounts.createStaff({
      role: "adviser",
      firstName: "Claire",
      lastName: "Conseil",
      email: "claire@cd41.fr",
      territoryCode: "romorantin",
    });
    expect(created.accessCode).toBeTruthy();
    const listed = await admin.accounts.list({ role: "adviser", query: "claire" });
    expect(listed.users.map((u) => u.email)).toContain("claire@cd41.fr");
    expect(listed.users.find((u) => u.email === "claire@cd41.fr")?.status).toBe("pending");
  });

  it("an admin cannot disable their own account", async () => {
    const { caller: admin, user } = await callerAs(h.db, "admin");
    const errors = await fieldErrors(admin.accounts.setStatus({ userId: user.id, status: "disabled" }));
    expect(errors.userId?.[0]).toMatch(/propre compte/);
  });
});

describe("password strength (zxcvbn, French dictionaries, the person's own data)", () => {
  it.each([
    ["Soleil2024", /trop facile à deviner/],
    ["P4ssw0rd!", /similaire à un mot de passe couramment utilisé/],
    ["julien1234", /trop facile à deviner/],
  ])("refuses %s at sign-up, with advice, and stores nothing", async (password, message) => {
    const anon = await callerFor(h.db, null, "198.51.100.20");
    const errors = await fieldErrors(anon.auth.signUp({ ...good, email: "devinable@exemple.fr", password }));
    expect(errors.password?.join(" ")).toMatch(message);
    expect(errors.password?.join(" ")).toMatch(/une courte phrase de 3 ou 4 mots/);
    expect(await userByEmail(h.db, "devinable@exemple.fr")).toBeNull();
  });

  it("refuses a password built on the person's own name or e-mail, accepted for someone else", async () => {
    const anon = await callerFor(h.db, null, "198.51.100.21");
    const mine = { ...good, firstName: "Gwendoline", lastName: "Quérard", email: "gwen.querard@exemple.fr", password: "Querard2026" };
    const errors = await fieldErrors(anon.auth.signUp(mine));
    expect(errors.password?.join(" ")).toMatch(/trop facile à deviner/);
    await signUpConfirmed(anon, h.db, { ...good, email: "autre.personne@exemple.fr", password: "Querard2026" });
  });

  it("an address already taken is never said: a guessable password gets the same message as for a new address", async () => {
    const anon = await callerFor(h.db, null, "198.51.100.22");
    await signUpConfirmed(anon, h.db, { ...good, email: "deux.erreurs@exemple.fr" });
    const taken = await fieldErrors(anon.auth.signUp({ ...good, email: "deux.erreurs@exemple.fr", password: "Soleil2024" }));
    const fresh = await fieldErrors(anon.auth.signUp({ ...good, email: "jamais.vue@exemple.fr", password: "Soleil2024" }));
    expect(taken).toEqual(fresh);
    expect(Object.keys(taken)).toEqual(["password"]);
  });

  it("refuses a guessable password at activation and leaves the code usable", async () => {
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Hugo", lastName: "Devinette" });
    const anon = await callerFor(h.db, null, "198.51.100.23");
    const errors = await fieldErrors(anon.auth.activate({ code: created.accessCode, email: "hugo.d@exemple.fr", password: "Devinette1" }));
    expect(errors.password?.join(" ")).toMatch(/trop facile à deviner/);
    expect((await h.db.select().from(users).where(eq(users.id, created.user.id)))[0]!.status).toBe("pending");
    await anon.auth.activate({ code: created.accessCode, email: "hugo.d@exemple.fr", password: "Copeaux41!rabot" });
  });
});

describe("account lockout: a delay, not forever", () => {
  const ip = (i: number) => `192.0.2.${i}`;
  async function ageAttempts(email: string, minutes: number) {
    await h.db.execute(sql`update sign_in_attempts set at = at - make_interval(mins => ${minutes}) where email = ${email}`);
  }

  it("opens again once the failures are 15 minutes old", async () => {
    const anon = await callerFor(h.db, null, "198.51.100.30");
    await signUpConfirmed(anon, h.db, { ...good, email: "bloque@exemple.fr" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await verifySignIn(h.db, "bloque@exemple.fr", `Essai-${i}x`, ip(99));
    expect(await verifySignIn(h.db, "bloque@exemple.fr", good.password, ip(99))).toEqual({ ok: false, reason: "rate_limited" });
    await ageAttempts("bloque@exemple.fr", SIGN_IN_WINDOW_MINUTES - 1);
    expect((await verifySignIn(h.db, "bloque@exemple.fr", good.password, ip(99))).ok).toBe(false);
    await ageAttempts("bloque@exemple.fr", 2);
    expect((await verifySignIn(h.db, "bloque@exemple.fr", good.password, ip(99))).ok).toBe(true);
  });

  it("counts an account's failures from its last successful sign-in", async () => {
    const anon = await callerFor(h.db, null, "198.51.100.31");
    await signUpConfirmed(anon, h.db, { ...good, email: "distrait@exemple.fr" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await verifySignIn(h.db, "distrait@exemple.fr", `Essai-${i}x`, ip(1));
    await ageAttempts("distrait@exemple.fr", 1); // the success comes after the typos
    expect((await verifySignIn(h.db, "distrait@exemple.fr", good.password, ip(1))).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await verifySignIn(h.db, "distrait@exemple.fr", `Autre-${i}x`, ip(1));
    expect((await verifySignIn(h.db, "distrait@exemple.fr", good.password, ip(1))).ok).toBe(true);
    // and the limit still bites after the success
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await verifySignIn(h.db, "distrait@exemple.fr", `Encore-${i}x`, ip(1));
    expect(await verifySignIn(h.db, "distrait@exemple.fr", good.password, ip(1))).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("one address guessing many accounts is stopped too", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await verifySignIn(h.db, `inconnu${i}@exemple.fr`, "Mauvais-2026", "192.0.2.200");
    expect(await verifySignIn(h.db, "cible.ip@exemple.fr", "Mauvais-2026", "192.0.2.200")).toEqual({ ok: false, reason: "rate_limited" });
  });
});
