import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessCode } from "../auth/accounts";
import { accessCodes, users } from "../auth/schema";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { pdfText } from "../testing/pdf-text";
import type { SessionUser } from "../trpc/context";
import { accessLetterPdf, NO_CODE_TO_PRINT } from "./access-letter";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const session = (u: typeof users.$inferSelect): SessionUser => ({
  id: u.id,
  role: u.role,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
  territoryCode: u.territoryCode,
});
const URL = "https://emploi.example/activer";
/** pdftotext may space out the letters of the big code: compare without white space. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

async function codeRows(userId: string) {
  return h.db.select().from(accessCodes).where(eq(accessCodes.userId, userId));
}

describe("the access-code letter shows the code on the adviser's screen", () => {
  it("the letter's code is the screen's, printing twice changes nothing, and the person activates with it", async () => {
    const { caller: adviser, user } = await callerAs(h.db, "adviser", { territoryCode: "blois", firstName: "Nadia", lastName: "Conseil" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Łucja", lastName: "Nguyễn" });
    const userId = created.user.id;
    const before = await codeRows(userId);

    // the person's file shows the same code as the creation screen
    const onFile = await adviser.profile.accessCodeOfPerson({ userId });
    expect(onFile).toEqual({ code: created.accessCode, expiresAt: created.expiresAt });

    const first = await accessLetterPdf(h.db, session(user), userId, URL);
    const second = await accessLetterPdf(h.db, session(user), userId, URL);
    for (const letter of [first, second]) {
      expect(letter.pdf.toString("latin1")).toMatch(/\/Type \/Pages[\s\S]*\/Count 1/);
      const text = await pdfText(letter.pdf);
      expect(squeeze(text)).toContain(squeeze(created.accessCode));
      expect(text).toContain("Bonjour Łucja Nguyễn,");
      expect(text).toContain("Votre conseiller : Nadia Conseil");
    }
    expect(first.fileName).toEqual(["courrier", "Łucja", "Nguyễn"]);
    // nothing was issued or cancelled by printing
    expect(await codeRows(userId)).toEqual(before);
    const printed = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.access_letter_printed"), eq(auditEvents.subjectId, userId)));
    expect(printed.map((r) => r.actorId)).toEqual([user.id, user.id]);

    const anon = await callerFor(h.db, null);
    await anon.auth.activate({ code: onFile!.code, email: "lucja@exemple.fr", password: "Jardin-2026" });
    // once used, there is no code to show or print any more
    await expect(adviser.profile.accessCodeOfPerson({ userId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(accessLetterPdf(h.db, session(user), userId, URL)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("« nouveau code » is a separate action: the old code stops working, screen and letter show the new one", async () => {
    const { caller: adviser, user } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Ștefan", lastName: "Mărginean" });
    const userId = created.user.id;

    const renewed = await adviser.accounts.reissueAccessCode({ userId });
    expect(renewed.code).not.toBe(created.accessCode);
    expect(await adviser.profile.accessCodeOfPerson({ userId })).toEqual(renewed);
    const text = squeeze(await pdfText((await accessLetterPdf(h.db, session(user), userId, URL)).pdf));
    expect(text).toContain(squeeze(renewed.code));
    expect(text).not.toContain(squeeze(created.accessCode));

    const anon = await callerFor(h.db, null);
    const refused = await fieldErrors(anon.auth.activate({ code: created.accessCode, email: "stefan@exemple.fr", password: "Jardin-2026" }));
    expect(refused.code?.[0]).toMatch(/n'est pas valable/);
    await anon.auth.activate({ code: renewed.code, email: "stefan@exemple.fr", password: "Jardin-2026" });
    const [account] = await h.db.select().from(users).where(eq(users.id, userId));
    expect(account!.status).toBe("active");
  });

  it("a code that cannot be shown again (older letter, other AUTH_SECRET, expired) asks for a new one instead of printing a wrong one", async () => {
    const { caller: adviser, user } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Zoé", lastName: "Ancien" });
    const userId = created.user.id;

    // a code made before codes could be shown again: only its hash exists
    await issueAccessCode(h.db, userId);
    expect(await adviser.profile.accessCodeOfPerson({ userId })).toBeNull();
    await expect(accessLetterPdf(h.db, session(user), userId, URL)).rejects.toMatchObject({ code: "CONFLICT", message: NO_CODE_TO_PRINT });

    // another AUTH_SECRET: the code still works on paper but cannot be shown again
    const renewed = await adviser.accounts.reissueAccessCode({ userId });
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "un-autre-secret-pour-ce-test";
    try {
      expect(await adviser.profile.accessCodeOfPerson({ userId })).toBeNull();
    } finally {
      if (secret === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = secret;
    }
    expect((await adviser.profile.accessCodeOfPerson({ userId }))?.code).toBe(renewed.code);

    // expired
    await h.db.update(accessCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accessCodes.userId, userId));
    expect(await adviser.profile.accessCodeOfPerson({ userId })).toBeNull();
    await expect(accessLetterPdf(h.db, session(user), userId, URL)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an active account's reset code is shown once, never again", async () => {
    const { caller: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const person = await makeUser(h.db, "beneficiary", { territoryCode: "blois" });
    await adviser.accounts.reissueAccessCode({ userId: person.id });
    await expect(adviser.profile.accessCodeOfPerson({ userId: person.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses an adviser of another territory, unknown ids and accounts that are not a pending beneficiary's, and changes nothing", async () => {
    const { caller: adviser, user } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: vendome, user: vendomeUser } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const created = await adviser.accounts.createBeneficiary({ firstName: "Ольга", lastName: "Roux" });
    const before = await codeRows(created.user.id);

    await expect(vendome.profile.accessCodeOfPerson({ userId: created.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accessLetterPdf(h.db, session(vendomeUser), created.user.id, URL)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accessLetterPdf(h.db, session(vendomeUser), "not-a-uuid", URL)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accessLetterPdf(h.db, session(user), "00000000-0000-4000-8000-000000000000", URL)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(adviser.profile.accessCodeOfPerson({ userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await codeRows(created.user.id)).toEqual(before);

    const employer = await makeUser(h.db, "employer", { territoryCode: "blois", status: "pending" });
    await expect(adviser.profile.accessCodeOfPerson({ userId: employer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accessLetterPdf(h.db, session(user), employer.id, URL)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // an admin may see and print it
    const admin = await makeUser(h.db, "admin");
    const adminCaller = await callerFor(h.db, admin.id);
    expect((await adminCaller.profile.accessCodeOfPerson({ userId: created.user.id }))?.code).toBe(created.accessCode);
    expect((await accessLetterPdf(h.db, session(admin), created.user.id, URL)).pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
