// Issue 15, item 9: signing up never tells whether an address already has an account.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { organisationMembers } from "../organisations/schema";
import { isLuhnValid } from "../lib/luhn";
import { emailOutbox } from "../notifications/schema";
import { callerFor, userByEmail } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import { lastSignUpCode, signUpConfirmed } from "../testing/sign-up";
import { verifySignIn } from "../auth/accounts";
import { SIGN_UP_CODE_MAX_FAILURES } from "./sign-up";
import { signUpRequests } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const form = (email: string) => ({
  role: "beneficiary" as const,
  firstName: "Inès",
  lastName: "Nouvelle",
  email,
  password: "Verger-Loire-2026",
  acceptTerms: true as const,
});
let n = 0;
function siret(): string {
  const base = `82${String(Date.now()).slice(-11)}`;
  for (let d = 0; d < 10; d++) if (isLuhnValid(`${base}${d}`)) return `${base}${d}`;
  throw new Error("unreachable");
}
const ip = () => `198.51.100.${150 + ++n}`;
const mailsTo = (address: string) => h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe("a new address and a taken one get the same answer", () => {
  it("same answer, no account either way; the owner is told someone tried, with links from AUTH_URL", async () => {
    vi.stubEnv("AUTH_URL", "https://emploi.exemple.fr/api/auth");
    const owner = await signUpConfirmed(await callerFor(h.db, null, ip()), h.db, form("deja.la@exemple.fr"));
    const anon = await callerFor(h.db, null, ip());
    const taken = await anon.auth.signUp({ ...form("Deja.La@exemple.fr"), firstName: "Intrus" });
    const fresh = await anon.auth.signUp(form("toute.neuve@exemple.fr"));
    expect(JSON.stringify(taken)).toBe(JSON.stringify(fresh));

    // the owner: one e-mail (beside their own sign-up code), no secret in it, links to sign in or reset
    const [, warning, ...more] = await mailsTo("deja.la@exemple.fr");
    expect(more).toHaveLength(0);
    expect(warning).toMatchObject({ subject: "Quelqu'un a essayé de créer un compte avec votre adresse", confidential: false });
    expect(warning!.body).toContain("Bonjour Inès,");
    expect(warning!.body).toContain("https://emploi.exemple.fr/connexion");
    expect(warning!.body).toContain("https://emploi.exemple.fr/mot-de-passe-oublie");
    // nothing waits for a code on the taken address, the account is untouched
    expect(await h.db.select().from(signUpRequests).where(eq(signUpRequests.email, "deja.la@exemple.fr"))).toHaveLength(0);
    expect((await userByEmail(h.db, "deja.la@exemple.fr"))!.firstName).toBe("Inès");
    expect((await userByEmail(h.db, "deja.la@exemple.fr"))!.id).toBe(owner.id);
    // the new address: a code, and no account until it comes back
    const [codeMail] = await mailsTo("toute.neuve@exemple.fr");
    expect(codeMail).toMatchObject({ confidential: true });
    expect(codeMail!.subject).toMatch(/^Votre code pour créer votre compte : \d{6}$/);
    expect(await userByEmail(h.db, "toute.neuve@exemple.fr")).toBeNull();
  });

  it("a code tried on a taken address is refused like any wrong code", async () => {
    await signUpConfirmed(await callerFor(h.db, null, ip()), h.db, form("pris@exemple.fr"));
    const anon = await callerFor(h.db, null, ip());
    await anon.auth.signUp(form("pris@exemple.fr"));
    const taken = await fieldErrors(anon.auth.confirmSignUp({ email: "pris@exemple.fr", code: "123456" }));
    const unknown = await fieldErrors(anon.auth.confirmSignUp({ email: "jamais@exemple.fr", code: "123456" }));
    expect(taken).toEqual(unknown);
    expect(taken.code?.[0]).toMatch(/n'est pas bon/);
  });
});

describe("the e-mailed code creates the account", () => {
  it("the right code creates it once (and signs in with the chosen password); a second use is refused", async () => {
    const anon = await callerFor(h.db, null, ip());
    await anon.auth.signUp(form("ines@exemple.fr"));
    const code = await lastSignUpCode(h.db, "ines@exemple.fr");
    const user = await anon.auth.confirmSignUp({ email: "INES@exemple.fr", code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(user).toMatchObject({ email: "ines@exemple.fr", role: "beneficiary", firstName: "Inès" });
    expect((await verifySignIn(h.db, "ines@exemple.fr", "Verger-Loire-2026", "203.0.113.5")).ok).toBe(true);
    await expect(anon.auth.confirmSignUp({ email: "ines@exemple.fr", code })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await h.db.select().from(signUpRequests).where(eq(signUpRequests.email, "ines@exemple.fr"))).toHaveLength(0);
  });

  it(`${SIGN_UP_CODE_MAX_FAILURES} wrong codes void the sign-up: even the right code fails after`, async () => {
    const anon = await callerFor(h.db, null, ip());
    await anon.auth.signUp(form("maladroit@exemple.fr"));
    const code = await lastSignUpCode(h.db, "maladroit@exemple.fr");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < SIGN_UP_CODE_MAX_FAILURES; i++) await fieldErrors(anon.auth.confirmSignUp({ email: "maladroit@exemple.fr", code: wrong }));
    await fieldErrors(anon.auth.confirmSignUp({ email: "maladroit@exemple.fr", code }));
    expect(await userByEmail(h.db, "maladroit@exemple.fr")).toBeNull();
    // a new request sends a new code that works
    await anon.auth.signUp(form("maladroit@exemple.fr"));
    expect(await anon.auth.confirmSignUp({ email: "maladroit@exemple.fr", code: await lastSignUpCode(h.db, "maladroit@exemple.fr") })).toMatchObject({
      email: "maladroit@exemple.fr",
    });
  });

  it("an expired code is refused", async () => {
    const anon = await callerFor(h.db, null, ip());
    await anon.auth.signUp(form("lent@exemple.fr"));
    await h.db.update(signUpRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signUpRequests.email, "lent@exemple.fr"));
    const errors = await fieldErrors(anon.auth.confirmSignUp({ email: "lent@exemple.fr", code: await lastSignUpCode(h.db, "lent@exemple.fr") }));
    expect(errors.code?.[0]).toMatch(/30 minutes/);
    expect(await userByEmail(h.db, "lent@exemple.fr")).toBeNull();
  });

  it("an employer's company is registered with the confirmed account", async () => {
    const anon = await callerFor(h.db, null, ip());
    const user = await signUpConfirmed(anon, h.db, {
      ...form("patronne@exemple.fr"),
      role: "employer",
      siret: siret(),
      organisationName: "Boulangerie Test",
      communeInsee: "41018",
    } as never);
    const [member] = await h.db.select().from(organisationMembers).where(eq(organisationMembers.userId, user.id));
    expect(member).toMatchObject({ isOwner: true });
  });

  it("bad input gets French messages; sign-up codes sent to one address are limited", async () => {
    const anon = await callerFor(h.db, null, ip());
    const errors = await fieldErrors(anon.auth.confirmSignUp({ email: "x@exemple.fr", code: "12ab" }));
    expect(errors.code?.[0]).toMatch(/6 chiffres/);
    const other = await callerFor(h.db, null, ip());
    for (let i = 0; i < 3; i++) await other.auth.signUp(form("inonde@exemple.fr"));
    await expect(other.auth.signUp(form("inonde@exemple.fr"))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("wrong codes are limited per address", async () => {
    const anon = await callerFor(h.db, null, ip());
    for (let i = 0; i < 10; i++) await fieldErrors(anon.auth.confirmSignUp({ email: `devine${i}@exemple.fr`, code: "123456" }));
    await expect(anon.auth.confirmSignUp({ email: "devine@exemple.fr", code: "123456" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
