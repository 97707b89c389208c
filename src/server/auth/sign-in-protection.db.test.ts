// Issue 15, item 11: wrong passwords typed by someone else must not keep the owner out.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { emailOutbox } from "../notifications/schema";
import { CONFIDENTIAL_BODY, listOutbox } from "../notifications/outbox";
import { callerFor, makeUser } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import {
  accountDelaySeconds,
  ACCOUNT_MAX_DELAY_SECONDS,
  issueAccessCode,
  MAX_FAILURES_PER_ACCOUNT_ADDRESS,
  SIGN_IN_CODE_MINUTES,
  verifySignIn,
  verifySignInCode,
} from "./accounts";
import { hashPassword } from "./password";
import { accessCodes } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const PASSWORD = "Verger-Loire-2026";
let n = 0;
async function owner() {
  n++;
  const email = `proprio${n}@exemple.fr`;
  const user = await makeUser(h.db, "beneficiary", { email, passwordHash: await hashPassword(PASSWORD), firstName: "Paule" });
  return { email, user };
}
const seconds = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

async function mailsTo(address: string) {
  return h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}
function codeIn(body: string): string {
  const m = /tapez ce code : ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})/.exec(body);
  if (!m) throw new Error(`no code in: ${body}`);
  return m[1]!;
}

describe("wrong passwords from strangers", () => {
  it("a guesser on rotating addresses only slows the account down: the owner gets in a minute later at most", async () => {
    const { email, user } = await owner();
    const t0 = new Date();
    // 12 wrong passwords in 12 minutes, each from a new address (each waits out the delay)
    let last = t0;
    for (let i = 0; i < 12; i++) {
      last = seconds(t0, i * (ACCOUNT_MAX_DELAY_SECONDS + 1));
      expect(await verifySignIn(h.db, email, `Devine-${i}x`, `203.0.113.${i + 1}`, last)).toMatchObject({ ok: false, reason: "invalid" });
    }
    // trying faster is slowed down, not counted
    expect(await verifySignIn(h.db, email, "Devine-vite", "203.0.113.50", seconds(last, 1))).toMatchObject({ ok: false, reason: "slow_down" });
    // Right after, the owner (another address) is asked to wait a minute at most, never locked for 15 minutes.
    const early = await verifySignIn(h.db, email, PASSWORD, "198.51.100.200", seconds(last, 1));
    expect(early).toMatchObject({ ok: false, reason: "slow_down" });
    expect((early as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_SECONDS);
    const later = await verifySignIn(h.db, email, PASSWORD, "198.51.100.200", seconds(last, ACCOUNT_MAX_DELAY_SECONDS + 1));
    expect(later).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("one address failing on an account is stopped there; the owner on their own address still gets in", async () => {
    const { email } = await owner();
    const t0 = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) await verifySignIn(h.db, email, `Devine-${i}x`, "192.0.2.66", t0);
    expect(await verifySignIn(h.db, email, PASSWORD, "192.0.2.66", seconds(t0, 120))).toEqual({ ok: false, reason: "rate_limited" });
    expect((await verifySignIn(h.db, email, PASSWORD, "198.51.100.201", seconds(t0, 120))).ok).toBe(true);
  });

  it("the delay grows with the failures and stops at a minute", () => {
    expect([4, 5, 6, 7, 8, 10, 11, 50].map(accountDelaySeconds)).toEqual([0, 1, 2, 4, 8, 32, 60, 60]);
  });
});

describe("from the third wrong try, the tries left are said", () => {
  it("the same way for an account that exists and for one that does not", async () => {
    const { email } = await owner();
    for (const address of [email, `personne${n}@exemple.fr`]) {
      const t0 = new Date();
      const results = [];
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) results.push(await verifySignIn(h.db, address, `Faux-${i}x`, "192.0.2.77", seconds(t0, i * 70)));
      expect(results).toEqual([
        { ok: false, reason: "invalid" },
        { ok: false, reason: "invalid" },
        { ok: false, reason: "invalid", remaining: 2 },
        { ok: false, reason: "invalid", remaining: 1 },
        { ok: false, reason: "invalid", remaining: 0 },
      ]);
    }
  });
});

describe("the owner can always get in with a one-time code by e-mail", () => {
  it("sends a 15-minute code (masked on the staff outbox), good once, even from an address stopped for wrong passwords", async () => {
    const { email, user } = await owner();
    const t0 = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) await verifySignIn(h.db, email, `Devine-${i}x`, "192.0.2.88", t0);
    expect((await verifySignIn(h.db, email, PASSWORD, "192.0.2.88")).ok).toBe(false);

    const anon = await callerFor(h.db, null, "192.0.2.88");
    expect(await anon.auth.requestSignInCode({ email: email.toUpperCase() })).toEqual({ ok: true });
    const [mail, ...others] = await mailsTo(email);
    expect(others).toHaveLength(0);
    expect(mail).toMatchObject({ subject: "Votre code de connexion", confidential: true });
    const shown = (await listOutbox(h.db, { toAddress: email })).find((m) => m.id === mail!.id);
    expect(shown?.body).toBe(CONFIDENTIAL_BODY);
    const code = codeIn(mail!.body);
    const [stored] = await h.db.select().from(accessCodes).where(eq(accessCodes.userId, user.id));
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeLessThanOrEqual(SIGN_IN_CODE_MINUTES * 60_000 + 1000);
    expect(stored!.purpose).toBe("sign_in");

    expect(await verifySignInCode(h.db, email, code.toLowerCase().replaceAll("-", " "), "192.0.2.88")).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await verifySignInCode(h.db, email, code, "192.0.2.88")).toEqual({ ok: false, reason: "invalid" });
    // and that sign-in cleared the wrong-password count for the address
    expect((await verifySignIn(h.db, email, PASSWORD, "192.0.2.88")).ok).toBe(true);
  });

  it("a code only signs in the account it was sent to, and not once expired", async () => {
    const a = await owner();
    const b = await owner();
    const { code } = await issueAccessCode(h.db, a.user.id, SIGN_IN_CODE_MINUTES * 60_000, "sign_in");
    expect(await verifySignInCode(h.db, b.email, code, "192.0.2.90")).toEqual({ ok: false, reason: "invalid" });
    await h.db.update(accessCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accessCodes.userId, a.user.id));
    expect(await verifySignInCode(h.db, a.email, code, "192.0.2.90")).toEqual({ ok: false, reason: "invalid" });
  });

  it("a sign-in code cannot set a new password, and an activation code cannot sign in", async () => {
    const { email, user } = await owner();
    const signInCode = (await issueAccessCode(h.db, user.id, 60_000, "sign_in")).code;
    const anon = await callerFor(h.db, null, "192.0.2.91");
    const errors = await fieldErrors(anon.auth.activate({ code: signInCode, email, password: "Nouveau-Verger-41" }));
    expect(errors.code?.[0]).toMatch(/pas valable/);
    const activation = (await issueAccessCode(h.db, user.id, 60_000)).code;
    expect(await verifySignInCode(h.db, email, activation, "192.0.2.91")).toEqual({ ok: false, reason: "invalid" });
    // issuing the activation code left the sign-in code alive, and the reverse
    expect((await verifySignInCode(h.db, email, signInCode, "192.0.2.91")).ok).toBe(true);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const anon = await callerFor(h.db, null, "192.0.2.92");
    expect(await anon.auth.requestSignInCode({ email: "inconnu.code@exemple.fr" })).toEqual({ ok: true });
    expect(await mailsTo("inconnu.code@exemple.fr")).toHaveLength(0);
  });

  it("someone asking codes in the owner's name cannot void the one the owner received", async () => {
    const { email } = await owner();
    const stranger = await callerFor(h.db, null, "192.0.2.93");
    await stranger.auth.requestSignInCode({ email });
    const first = codeIn((await mailsTo(email))[0]!.body);
    await stranger.auth.requestSignInCode({ email });
    await stranger.auth.requestSignInCode({ email });
    // the fourth within the hour is refused (no mailbox flooding) …
    await expect(stranger.auth.requestSignInCode({ email })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await mailsTo(email)).toHaveLength(3);
    // … and every code sent is still good
    expect((await verifySignInCode(h.db, email, first, "198.51.100.210")).ok).toBe(true);
  });

  it("wrong codes are limited per address; another address's right code still works", async () => {
    const { email, user } = await owner();
    const { code } = await issueAccessCode(h.db, user.id, SIGN_IN_CODE_MINUTES * 60_000, "sign_in");
    for (let i = 0; i < 10; i++) expect((await verifySignInCode(h.db, email, "AAAA-BBBB-CC", "192.0.2.94")).ok).toBe(false);
    expect(await verifySignInCode(h.db, email, code, "192.0.2.94")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await verifySignInCode(h.db, email, code, "198.51.100.211")).ok).toBe(true);
  });

  it("refuses bad input with French messages", async () => {
    const anon = await callerFor(h.db, null, "192.0.2.95");
    const errors = await fieldErrors(anon.auth.requestSignInCode({ email: "pas-une-adresse" }));
    expect(errors.email?.[0]).toMatch(/n'est pas valide/);
  });
});
