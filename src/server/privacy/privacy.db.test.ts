import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { auditEvents } from "../audit/schema";
import { users } from "../auth/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { openTestDatabase } from "../testing/db";
import { callerFor } from "../testing/callers";
import { signUpConfirmed } from "../testing/sign-up";
import { makeOffer } from "../testing/factories";
import { verifySignIn } from "../auth/accounts";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function signedUpBeneficiary(email: string) {
  const anon = await callerFor(h.db, null);
  const user = await signUpConfirmed(anon, h.db, {
    role: "beneficiary",
    firstName: "Nina",
    lastName: "Durand",
    email,
    password: "Jardin-2026",
    acceptTerms: true,
  });
  const caller = await callerFor(h.db, user.id);
  await caller.profile.savePlace({ communeInsee: "41018" });
  await caller.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  return { user, caller };
}

describe("my data", () => {
  it("beneficiary_can_export_all_their_data", async () => {
    const { caller } = await signedUpBeneficiary("export@exemple.fr");
    const offer = await makeOffer(h.db, "41018");
    await caller.applications.applyToOffer({ offerId: offer.id });
    const data = await caller.privacy.exportMine();
    expect(data?.account).toMatchObject({ email: "export@exemple.fr", role: "beneficiary" });
    expect(data?.account).not.toHaveProperty("passwordHash");
    expect(data?.profile?.communeInsee).toBe("41018");
    expect(data?.profile?.jobs[0]?.romeCode).toBe("J1501");
    expect(data?.applications).toHaveLength(1);
    expect(data?.accountHistory.map((e) => e.action)).toContain("account.sign_up");
  });

  it("beneficiary_can_erase_their_account_and_can_no_longer_sign_in", async () => {
    const { caller, user } = await signedUpBeneficiary("efface@exemple.fr");
    await expect(caller.privacy.eraseMine({ password: "Mauvais-2026" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await h.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);

    await caller.privacy.eraseMine({ password: "Jardin-2026" });
    expect(await h.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.userId, user.id))).toHaveLength(0);
    expect((await verifySignIn(h.db, "efface@exemple.fr", "Jardin-2026", "203.0.113.90")).ok).toBe(false);
    const erased = await h.db.select().from(auditEvents).where(eq(auditEvents.action, "person.erased"));
    expect(erased.at(-1)?.details).toEqual({ reason: "own_request", erasedBy: "self", role: "beneficiary", territoryCode: "blois" });
    // the old session is worthless
    const stale = await callerFor(h.db, user.id);
    await expect(stale.profile.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
