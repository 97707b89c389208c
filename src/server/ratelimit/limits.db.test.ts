import { TRPCError } from "@trpc/server";
import { candidateHandle } from "../recruiting/handles";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessCodes, users } from "../auth/schema";
import { proposals } from "../applications/schema";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase, TEST_ENGINE } from "../testing/db";
import { callerAs, callerFor, makeUser, userByEmail } from "../testing/callers";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { IMPORT_MODELS } from "../imports/models";
import { consumeQuota, consumeRateLimit, delayText, purgeRateLimitHits, RATE_LIMITS, recordRateLimitHit, type RateLimit } from "./limits";
import { rateLimitHits } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.db.delete(rateLimitHits);
});

const TEST_LIMIT: RateLimit = { bucket: "test", max: 3, windowMinutes: 10, message: "Trop d'essais. Réessayez {delay}." };
const minutes = (n: number) => n * 60_000;

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    return err as TRPCError;
  }
  throw new Error("the call was expected to be refused");
}

/** Fills a limit's window for a key, as if the actions had just happened. */
async function fill(limit: RateLimit, key: string, n = limit.max) {
  for (let i = 0; i < n; i++) await recordRateLimitHit(h.db, limit, key);
}

async function hits(bucket: string, key: string) {
  const [r] = await h.db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key)));
  return r!.n;
}

describe("the sliding window", () => {
  it("lets max actions in, refuses the next with the delay in French, and lets one in again once the oldest has left", async () => {
    const t0 = new Date("2026-11-22T10:00:00Z");
    await consumeRateLimit(h.db, TEST_LIMIT, "k", t0);
    await consumeRateLimit(h.db, TEST_LIMIT, "k", new Date(t0.getTime() + minutes(2)));
    await consumeRateLimit(h.db, TEST_LIMIT, "k", new Date(t0.getTime() + minutes(4)));
    const err = await refusal(consumeRateLimit(h.db, TEST_LIMIT, "k", new Date(t0.getTime() + minutes(5))));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    // the first action leaves the window at t0 + 10 min: 5 minutes from the refused call
    expect(err.message).toBe("Trop d'essais. Réessayez dans 5 minutes.");
    expect(await hits("test", "k")).toBe(3); // a refused action is not counted
    await consumeRateLimit(h.db, TEST_LIMIT, "k", new Date(t0.getTime() + minutes(10) + 1000));
    expect(await hits("test", "k")).toBe(4);
  });

  it("counts each key and each limit apart", async () => {
    await fill(TEST_LIMIT, "a");
    await expect(consumeRateLimit(h.db, TEST_LIMIT, "a")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await consumeRateLimit(h.db, TEST_LIMIT, "b");
    await consumeRateLimit(h.db, { ...TEST_LIMIT, bucket: "other" }, "a");
  });

  it.skipIf(TEST_ENGINE === "pglite")("lets exactly max in when concurrent requests race for the last places (PostgreSQL: one connection each)", async () => {
    const limit = { ...TEST_LIMIT, max: 5 };
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => consumeRateLimit(h.db, limit, "race")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(await hits("test", "race")).toBe(5);
  });

  it("a quota over distinct items: seen items are free, new ones beyond max are left out, then refused with the reset delay", async () => {
    const q = { bucket: "test_quota", windowMinutes: 60, message: "Quota atteint. Réessayez {delay}." };
    const t0 = new Date("2026-11-22T10:00:00Z");
    const first = await consumeQuota(h.db, q, "org", ["a", "b", "c"], 4, t0);
    expect([...first.allowed].sort()).toEqual(["a", "b", "c"]);
    expect(first).toMatchObject({ refused: 0, resetsAt: null });
    // a, b again cost nothing; d fills the quota; e is left out
    const second = await consumeQuota(h.db, q, "org", ["a", "b", "d", "e"], 4, new Date(t0.getTime() + minutes(10)));
    expect([...second.allowed].sort()).toEqual(["a", "b", "d"]);
    expect(second.refused).toBe(1);
    expect(second.resetsAt).toEqual(new Date(t0.getTime() + minutes(60)));
    expect(await hits("test_quota", "org")).toBe(4);
    // only new items: refused, saying when the oldest leaves the window
    const err = await refusal(consumeQuota(h.db, q, "org", ["e", "f"], 4, new Date(t0.getTime() + minutes(20))));
    expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Quota atteint. Réessayez dans 40 minutes." });
    // another key has its own quota; after the window, new items come in again
    expect((await consumeQuota(h.db, q, "other", ["e"], 4, new Date(t0.getTime() + minutes(20)))).allowed.has("e")).toBe(true);
    expect((await consumeQuota(h.db, q, "org", ["e"], 4, new Date(t0.getTime() + minutes(61)))).allowed.has("e")).toBe(true);
  });

  it.skipIf(TEST_ENGINE === "pglite")("a quota holds when concurrent lists race for the last places (PostgreSQL: one connection each)", async () => {
    const q = { bucket: "test_quota", windowMinutes: 60, message: "Quota atteint. Réessayez {delay}." };
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => consumeQuota(h.db, q, "race", [`p${i}a`, `p${i}b`, `p${i}c`], 10)),
    );
    const served = results.flatMap((r) => (r.status === "fulfilled" ? [...r.value.allowed] : []));
    expect(new Set(served).size).toBe(10);
    expect(await hits("test_quota", "race")).toBe(10);
  });

  it("forgets hits older than a day", async () => {
    await recordRateLimitHit(h.db, TEST_LIMIT, "old", new Date(Date.now() - 25 * 3600_000));
    await recordRateLimitHit(h.db, TEST_LIMIT, "recent", new Date(Date.now() - 3600_000));
    await purgeRateLimitHits(h.db);
    expect(await hits("test", "old")).toBe(0);
    expect(await hits("test", "recent")).toBe(1);
  });

  it("says the delay in minutes, then in hours", () => {
    expect(delayText(10_000)).toBe("dans 1 minute");
    expect(delayText(minutes(14) + 1)).toBe("dans 15 minutes");
    expect(delayText(minutes(119))).toBe("dans 119 minutes");
    expect(delayText(minutes(23 * 60 + 1))).toBe("dans 24 heures");
  });
});

describe("the procedures' limits", () => {
  const signUpInput = (email: string, password = "Jardin-2026") => ({
    role: "beneficiary" as const,
    firstName: "Léa",
    lastName: "Martin",
    email,
    password,
    acceptTerms: true as const,
  });

  it("sign-up: 30 per hour from one address, others unaffected; the refused one writes nothing", async () => {
    const ip = "203.0.113.50";
    await fill(RATE_LIMITS.signUp, ip, RATE_LIMITS.signUp.max - 1);
    const anon = await callerFor(h.db, null, ip);
    await anon.auth.signUp(signUpInput("derniere@exemple.fr"));
    const err = await refusal(anon.auth.signUp(signUpInput("refusee@exemple.fr")));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/^Trop d'inscriptions depuis cette connexion\. Réessayez dans \d+ minutes?\.$/);
    expect(await userByEmail(h.db, "refusee@exemple.fr")).toBeNull();
    const elsewhere = await callerFor(h.db, null, "203.0.113.51");
    await elsewhere.auth.signUp(signUpInput("ailleurs@exemple.fr"));
  });

  it("activation: 10 wrong codes from one address block even a right code for a while; right codes are not counted", async () => {
    const adviser = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const a = await adviser.caller.accounts.createBeneficiary({ firstName: "Jean", lastName: "Lettre" });
    const b = await adviser.caller.accounts.createBeneficiary({ firstName: "Anne", lastName: "Lettre" });
    const ip = "203.0.113.60";
    const anon = await callerFor(h.db, null, ip);
    await anon.auth.activate({ code: a.accessCode, email: "jean.lettre@exemple.fr", password: "Jardin-2026" });
    expect(await hits(RATE_LIMITS.activationFailure.bucket, ip)).toBe(0);
    for (let i = 0; i < RATE_LIMITS.activationFailure.max; i++) {
      await expect(anon.auth.activate({ code: "AAAA-BBBB-CC", email: "x@exemple.fr", password: "Jardin-2026" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    const err = await refusal(anon.auth.activate({ code: b.accessCode, email: "anne.lettre@exemple.fr", password: "Jardin-2026" }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/Trop de codes erronés\. Réessayez dans \d+ minutes?, ou demandez un nouveau code à votre conseiller\./);
    expect((await h.db.select().from(users).where(eq(users.id, b.user.id)))[0]!.status).toBe("pending");
    // from another address the right code still works
    const other = await callerFor(h.db, null, "203.0.113.61");
    await other.auth.activate({ code: b.accessCode, email: "anne.lettre@exemple.fr", password: "Jardin-2026" });
  });

  it("new access codes: 60 per hour per adviser", async () => {
    const adviser = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const a = await adviser.caller.accounts.createBeneficiary({ firstName: "Paul", lastName: "Code" });
    await fill(RATE_LIMITS.accessCodeIssue, adviser.user.id);
    const codesBefore = await h.db.select().from(accessCodes).where(eq(accessCodes.userId, a.user.id));
    const err = await refusal(adviser.caller.accounts.reissueAccessCode({ userId: a.user.id }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(await h.db.select().from(accessCodes).where(eq(accessCodes.userId, a.user.id))).toEqual(codesBefore);
    const colleague = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await colleague.caller.accounts.reissueAccessCode({ userId: a.user.id });
  });

  it("an organisation owner's new codes for a recruiter count in the same limit", async () => {
    const c = await makeOrganisation(h.db, "company");
    const owner = await callerFor(h.db, c.owner.id);
    const added = await owner.organisations.addRecruiter({ firstName: "Rémi", lastName: "Recrue", email: "remi.recrue@exemple.fr" });
    await fill(RATE_LIMITS.accessCodeIssue, c.owner.id);
    await expect(owner.organisations.reissueRecruiterCode({ userId: added.user.id })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("contact requests: 50 a day per employer, counted only when allowed to ask", async () => {
    const c = await makeOrganisation(h.db, "company");
    const offer = await makeOffer(h.db, "41018", { employerId: c.employerId });
    const person = await makeProfile(h.db, "41018", { userId: (await makeUser(h.db, "beneficiary")).id });
    const other = await makeProfile(h.db, "41018", { userId: (await makeUser(h.db, "beneficiary")).id });
    const owner = await callerFor(h.db, c.owner.id);
    // another company's offer: refused as missing, not counted
    const stranger = await makeOffer(h.db, "41018");
    await expect(owner.proposals.create({ offerId: stranger.id, candidateId: candidateHandle(stranger.id, person.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await hits(RATE_LIMITS.contactRequest.bucket, c.owner.id)).toBe(0);
    await fill(RATE_LIMITS.contactRequest, c.owner.id, RATE_LIMITS.contactRequest.max - 1);
    await owner.proposals.create({ offerId: offer.id, candidateId: candidateHandle(offer.id, person.id), message: "Bonjour" });
    const err = await refusal(owner.proposals.create({ offerId: offer.id, candidateId: candidateHandle(offer.id, other.id) }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/beaucoup de demandes de contact aujourd'hui\. Réessayez dans \d+ (minutes?|heures)\./);
    expect(await h.db.select().from(proposals).where(eq(proposals.profileId, other.id))).toHaveLength(0);
  });

  it("imports: 30 previews or runs an hour per admin", async () => {
    const admin = await callerAs(h.db, "admin");
    const text = IMPORT_MODELS.offers.text;
    await fill(RATE_LIMITS.import, admin.user.id, RATE_LIMITS.import.max - 1);
    const preview = await admin.caller.imports.preview({ kind: "offers", text });
    const err = await refusal(admin.caller.imports.run({ kind: "offers", text, checksum: preview.checksum }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/^Trop d'imports en peu de temps\. Réessayez dans \d+ minutes?\.$/);
  });
});
