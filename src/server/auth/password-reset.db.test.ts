import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { emailOutbox } from "../notifications/schema";
import { rateLimitHits } from "../ratelimit/schema";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, userByEmail } from "../testing/callers";
import { signUpConfirmed } from "../testing/sign-up";
import { CONFIDENTIAL_BODY } from "../notifications/outbox";
import { fieldErrors } from "../testing/errors";
import { passwordResetEmail, RESET_CODE_MINUTES, verifySignIn } from "./accounts";
import { accessCodes, users } from "./schema";

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

let n = 0;
async function account(status: "active" | "pending" | "disabled" = "active") {
  n++;
  const email = `oubli${n}@exemple.fr`;
  const anon = await callerFor(h.db, null, `198.51.100.${100 + n}`);
  await signUpConfirmed(anon, h.db, { role: "beneficiary", firstName: "Odile", lastName: "Oubli", email, password: "Jardin-2026", acceptTerms: true });
  // the sign-up's own code e-mail: each test starts with an empty mailbox
  await h.db.delete(emailOutbox).where(eq(emailOutbox.toAddress, email));
  const user = (await userByEmail(h.db, email))!;
  if (status !== "active") await h.db.update(users).set({ status }).where(eq(users.id, user.id));
  return { email, user };
}

async function mailsTo(address: string) {
  return h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}

function codeIn(body: string): string {
  const m = /tapez ce code : ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})/.exec(body);
  if (!m) throw new Error(`no code in: ${body}`);
  return m[1]!;
}

describe("mot de passe oublié", () => {
  it("e-mails a one-hour code with a link on the configured address; the code sets a new password once", async () => {
    vi.stubEnv("AUTH_URL", "https://emploi.exemple.fr/api/auth");
    const { email, user } = await account();
    const anon = await callerFor(h.db, null, "203.0.113.80");
    expect(await anon.auth.requestPasswordReset({ email: email.toUpperCase() })).toEqual({ ok: true });

    const [mail, ...others] = await mailsTo(email);
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe("Votre nouveau mot de passe");
    const code = codeIn(mail!.body);
    expect(mail!.body).toContain(`https://emploi.exemple.fr/activer?code=${code}&motif=oubli`);
    expect(mail!.body).toMatch(/Bonjour Odile,/);
    const [stored] = await h.db.select().from(accessCodes).where(and(eq(accessCodes.userId, user.id)));
    const lifetime = stored!.expiresAt.getTime() - stored!.createdAt.getTime();
    expect(Math.abs(lifetime - RESET_CODE_MINUTES * 60_000)).toBeLessThan(5_000);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((a) => a.action)).toContain("account.password_reset_requested");

    await anon.auth.activate({ code, email, password: "Copeaux41!rabot" });
    expect((await verifySignIn(h.db, email, "Copeaux41!rabot", "203.0.113.81")).ok).toBe(true);
    expect((await verifySignIn(h.db, email, "Jardin-2026", "203.0.113.81")).ok).toBe(false);
    const again = await fieldErrors(anon.auth.activate({ code, email, password: "Atelier41!bois" }));
    expect(again.code?.[0]).toMatch(/n'est pas valable/);
  });

  it("the outbox page never shows the code to staff, not even an admin", async () => {
    const { email } = await account();
    const anon = await callerFor(h.db, null, "203.0.113.84");
    await anon.auth.requestPasswordReset({ email });
    const code = codeIn((await mailsTo(email))[0]!.body);
    const { caller: admin } = await callerAs(h.db, "admin");
    const listed = (await admin.followup.outbox()).filter((m) => m.toAddress === email);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.body).toBe(CONFIDENTIAL_BODY);
    expect(JSON.stringify(await admin.followup.outbox())).not.toContain(code);
  });

  it("answers the same for an unknown, pending or disabled account, and sends nothing", async () => {
    const anon = await callerFor(h.db, null, "203.0.113.82");
    const pending = await account("pending");
    const disabled = await account("disabled");
    for (const email of ["personne@exemple.fr", pending.email, disabled.email]) {
      expect(await anon.auth.requestPasswordReset({ email })).toEqual({ ok: true });
      expect(await mailsTo(email)).toHaveLength(0);
    }
  });

  it("an expired code no longer works", async () => {
    const { email, user } = await account();
    const anon = await callerFor(h.db, null, "203.0.113.83");
    await anon.auth.requestPasswordReset({ email });
    const code = codeIn((await mailsTo(email))[0]!.body);
    await h.db.update(accessCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accessCodes.userId, user.id));
    const errors = await fieldErrors(anon.auth.activate({ code, email, password: "Copeaux41!rabot" }));
    expect(errors.code?.[0]).toMatch(/n'est pas valable/);
  });

  it("without AUTH_URL the e-mail carries the code only, never an address taken from the request", () => {
    const mail = passwordResetEmail("Odile", "K7QM-4XTR-PZ", null);
    expect(mail.body).not.toMatch(/https?:\/\//);
    expect(mail.body).toContain("tapez ce code : K7QM-4XTR-PZ");
  });

  it("is limited to 3 e-mails an hour per address and 10 requests an hour per connection", async () => {
    const { email } = await account();
    for (let i = 0; i < 3; i++) await (await callerFor(h.db, null, `203.0.113.${90 + i}`)).auth.requestPasswordReset({ email });
    const anon = await callerFor(h.db, null, "203.0.113.95");
    await expect(anon.auth.requestPasswordReset({ email })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/déjà d'être envoyé plusieurs fois à cette adresse.*ou réessayez dans \d+ minutes/),
    });
    expect(await mailsTo(email)).toHaveLength(3);

    const busy = await callerFor(h.db, null, "203.0.113.96");
    for (let i = 0; i < 10; i++) await busy.auth.requestPasswordReset({ email: `inconnu${i}@exemple.fr` });
    await expect(busy.auth.requestPasswordReset({ email: "encore@exemple.fr" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const keys = await h.db.select().from(rateLimitHits).where(eq(rateLimitHits.key, "encore@exemple.fr"));
    expect(keys).toHaveLength(0); // refused before anything about that address was counted
  });

  it("refuses a malformed address field by field", async () => {
    const anon = await callerFor(h.db, null, "203.0.113.97");
    const errors = await fieldErrors(anon.auth.requestPasswordReset({ email: "pas-une-adresse" }));
    expect(errors.email?.[0]).toMatch(/n'est pas valide/);
  });
});
