// Every procedure anyone may call without signing in, fed arbitrary input through the tRPC
// caller: the answer is a result or a clear refusal (BAD_REQUEST with field messages,
// NOT_FOUND, TOO_MANY_REQUESTS), never a server error, and a refused call writes nothing.
// The list is read from the router: a new public procedure fails here until it is fuzzed.
import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { callerFor, makeUser } from "../testing/callers";
import { openTestDatabase, tableCounts } from "../testing/db";
import { lastSignUpCode } from "../testing/sign-up";
import type { Meta } from "../trpc/init";
import { appRouter } from "../api/root";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
  await makeUser(h.db, "beneficiary", { email: RESET_EMAIL });
});
afterAll(async () => {
  await h?.close();
});

const publicPaths = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .filter(([, proc]) => (proc._def as { meta?: Meta }).meta?.access === "public")
  .map(([path]) => path)
  .sort();

/** Strings that break parsers, SQL, HTML, unicode handling and length limits. */
const hostileString = fc.oneof(
  fc.constantFrom(
    "", " ", "\u0000", "a\u0000b", "\ud800", "\u202e", "👩‍⚕️", "e\u0301", "'; drop table users; --", "%", "_", "\\", "*", ":", "&|!",
    "<script>alert(1)</script>", "=1+1", "null", "NaN", "-1", "1e309", "x".repeat(10_001), "é".repeat(300), "41018", "2A004",
    "2026-01", "0000-01", "9999-12", "2026-13", "J1501", "blois",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
);
const hostileValue = fc.oneof({ arbitrary: fc.anything(), weight: 1 }, { arbitrary: hostileString, weight: 2 }, { arbitrary: hostileNumber, weight: 2 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const or = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: hostileValue, weight: 1 });

/** An account that exists, so that some password-reset requests go through. */
const RESET_EMAIL = "reset.fuzz@exemple.fr";
let emailSeq = 0;
const email = fc.oneof(
  { arbitrary: fc.constant(null).map(() => `fuzz.${++emailSeq}@exemple.fr`), weight: 6 },
  { arbitrary: fc.constantFrom("PERSONNE@EXEMPLE.FR ", "a@b", "x@y.fr\u0000", "taken@exemple.fr"), weight: 1 },
  { arbitrary: hostileValue, weight: 1 },
);
const password = or(fc.constantFrom("Zx9!kq2Lp#wv", "Blois-41000-été", "motdepasse1"));
const near = fc.oneof(
  fc.record({ communeInsee: or(fc.constantFrom("41018", "41269", "99999", "2A004")) }),
  fc.record({ lat: or(fc.double({ min: -90, max: 90, noNaN: true })), lng: or(fc.double({ min: -180, max: 180, noNaN: true })) }),
  fc.record({ home: or(fc.constant(true)) }),
  hostileValue,
);
const text100 = or(fc.constantFrom("blois", "aide soignant", "boulanjer", "vendome", "conduite"));
const limit = maybe(or(fc.integer({ min: 1, max: 50 })));

/** Inputs shaped like each procedure's (right keys, valid or hostile values, extra keys sometimes). */
const SHAPED: Record<string, fc.Arbitrary<unknown>> = {
  "auth.signUp": fc.record(
    {
      role: or(fc.constantFrom("beneficiary", "beneficiary", "employer", "training_org", "admin")),
      firstName: or(fc.constantFrom("Amina", "Jean-Éric")),
      lastName: or(fc.constantFrom("Diallo", "N'Guyen")),
      email,
      password,
      acceptTerms: or(fc.constant(true)),
      siret: or(fc.constantFrom("73282932000074", "732 829 320 00074", "12345678901234")),
      organisationName: or(fc.constantFrom("EHPAD Les Tilleuls", "Organisme test")),
      communeInsee: or(fc.constantFrom("41018", "99999")),
      addressLine: or(fc.constantFrom("1 rue de la Paix", "")),
      status: hostileValue,
    },
    { requiredKeys: ["role", "firstName", "lastName", "email", "password", "acceptTerms"] },
  ),
  "auth.lookupSiret": fc.record({ siret: or(fc.constantFrom("73282932000074", "732 829 320 00074", "12345678901234", "")) }),
  "auth.requestPasswordReset": fc.record({
    email: fc.oneof({ arbitrary: fc.constantFrom(RESET_EMAIL, RESET_EMAIL.toUpperCase()), weight: 2 }, { arbitrary: email, weight: 3 }),
  }),
  "auth.activate": fc.record({ code: or(fc.constantFrom("K7QM-4XTR-PZ", "AAAAAAAAAA", "0000000000000000")), email, password }),
  "auth.confirmSignUp": fc.record({ email, code: or(fc.constantFrom("407183", "407 183", "000000", "12345", "abcdef")) }),
  "auth.requestSignInCode": fc.record({
    email: fc.oneof({ arbitrary: fc.constantFrom(RESET_EMAIL, RESET_EMAIL.toUpperCase()), weight: 2 }, { arbitrary: email, weight: 3 }),
  }),
  "stats.public": maybe(fc.record({ from: or(fc.constantFrom("2025-01", "2026-12", "1900-01")), to: or(fc.constantFrom("2025-06", "2027-01")) }, { requiredKeys: [] })),
  "search.offers": fc.record(
    {
      q: or(fc.constantFrom("aide soignant", "boulanjer", "")),
      near,
      radiusKm: or(fc.double({ min: 1, max: 200, noNaN: true })),
      contracts: or(fc.array(fc.constantFrom("cdi", "cdd", "interim", "x"), { maxLength: 7 })),
      domains: or(fc.array(fc.constantFrom("A", "J", "N", "Z"), { maxLength: 15 })),
      limit,
      offset: maybe(or(fc.integer({ min: 0, max: 10_000 }))),
    },
    { requiredKeys: [] },
  ),
  "search.formations": fc.record(
    { q: or(fc.constantFrom("aide soignant", "")), near, radiusKm: or(fc.double({ min: 1, max: 200, noNaN: true })), domains: or(fc.array(fc.constantFrom("J", "K"))), limit },
    { requiredKeys: [] },
  ),
  "instance.info": hostileValue,
  "referentials.searchCommunes": fc.record({ q: text100, limit }, { requiredKeys: ["q"] }),
  "referentials.commune": fc.record({ insee: or(fc.constantFrom("41018", "2A004", "99999", "ABABA")) }),
  "referentials.nearestCommune": fc.record({ lat: or(fc.double({ min: -90, max: 90, noNaN: true })), lng: or(fc.double({ min: -180, max: 180, noNaN: true })) }),
  "referentials.searchJobTitles": fc.record({ q: text100, limit }, { requiredKeys: ["q"] }),
  "referentials.jobTitle": fc.record({ ogrCode: or(fc.oneof(fc.constantFrom(10891, 38875, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.integer({ min: 1 }))) }),
  "referentials.searchSkills": fc.record({ q: text100, limit }, { requiredKeys: ["q"] }),
};

// Only these write (a pending sign-up, an account, an access code and their e-mails); every
// other public procedure only reads.
const WRITERS = new Set(["auth.signUp", "auth.confirmSignUp", "auth.activate", "auth.requestPasswordReset", "auth.requestSignInCode"]);
/** Codes nobody can guess here: a shaped call never gets past them, only into refusals. */
const CODE_CHECKS = new Set(["auth.activate", "auth.confirmSignUp"]);
const WATCHED = [
  "users",
  "sign_up_requests",
  "employers",
  "employer_members",
  "audit_events",
  "access_codes",
  "email_outbox",
  "beneficiary_profiles",
  "offers",
  "formations",
];

const counts = () => tableCounts(h.db, WATCHED);

// One address per call: the sign-up and activation limits are per address and are not what is tested.
let ipSeq = 0;
const nextIp = () => {
  ipSeq++;
  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

/** zod's own English defaults, shown to people when a schema forgets its French message. */
const ENGLISH_AFTER_FIELD = /: (Invalid|Too (big|small)|Expected|Required|Unrecognized|String must|Number must)/;

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; fields: Record<string, string[]> };

async function callPublic(path: string, input: unknown): Promise<Outcome> {
  const caller = (await callerFor(h.db, null, nextIp())) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await fn(input) };
  } catch (err) {
    // a raw exception (not a TRPCError) or a server error is the bug this file looks for
    if (!(err instanceof TRPCError)) throw new Error(`${path}: exception brute ${String(err)}`, { cause: err });
    if (err.code === "INTERNAL_SERVER_ERROR") throw new Error(`${path}: erreur serveur ${err.message}`, { cause: err });
    const cause = err.cause as { fields?: Record<string, string[]>; issues?: Array<{ path: PropertyKey[]; message: string }> } | undefined;
    const fields: Record<string, string[]> = { ...(cause?.fields ?? {}) };
    for (const i of cause?.issues ?? []) (fields[i.path.map(String).join(".") || "_"] ??= []).push(i.message);
    return { ok: false, code: err.code, fields };
  }
}

function checkRefusal(path: string, input: unknown, outcome: Extract<Outcome, { ok: false }>) {
  const home = path.startsWith("search.") && (input as { near?: { home?: unknown } })?.near?.home === true;
  // anonymous "around my home" is refused as FORBIDDEN with a French message: also a clear refusal
  expect(["BAD_REQUEST", "NOT_FOUND", "TOO_MANY_REQUESTS", ...(home ? ["FORBIDDEN"] : [])]).toContain(outcome.code);
  if (outcome.code === "BAD_REQUEST") {
    const messages = Object.values(outcome.fields).flat();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.trim()).not.toBe("");
  }
}

/** French field messages where the forms send text (a string, however hostile) or leave a field out. */
function checkFrench(path: string, input: unknown, outcome: Outcome) {
  if (outcome.ok || outcome.code !== "BAD_REQUEST" || !path.startsWith("auth.")) return;
  for (const [field, messages] of Object.entries(outcome.fields)) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined && typeof value !== "string") continue;
    for (const m of messages) expect(`${field}: ${m}`).not.toMatch(ENGLISH_AFTER_FIELD);
  }
}

describe("public procedures on arbitrary input", () => {
  it("the router's public procedures are exactly the fuzzed ones (a new one must be added here)", () => {
    expect(publicPaths).toEqual(Object.keys(SHAPED).sort());
  });

  it.each(publicPaths)("%s: anything at all is a result or a clear refusal, and a refusal writes nothing", async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), hostileValue, fc.constant(undefined), fc.constant(null)), async (input) => {
        const before = WRITERS.has(path) ? await counts() : null;
        const outcome = await callPublic(path, input);
        if (!outcome.ok) {
          checkRefusal(path, input, outcome);
          if (before) expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each(publicPaths)("%s: inputs of the right shape with hostile values", async (path) => {
    let results = 0;
    await fc.assert(
      fc.asyncProperty(SHAPED[path]!, async (input) => {
        const before = WRITERS.has(path) ? await counts() : null;
        const outcome = await callPublic(path, input);
        if (outcome.ok) {
          results++;
          if (before) {
            const after = await counts();
            // no account before the e-mailed code comes back; an activation changes one
            expect(after.users).toBe(before.users);
            // a sign-up or a code request writes at most one e-mail (none once the address's limit is reached)
            expect(after.email_outbox! - before.email_outbox!).toBeGreaterThanOrEqual(0);
            expect(after.email_outbox! - before.email_outbox!).toBeLessThanOrEqual(1);
          }
          return;
        }
        checkRefusal(path, input, outcome);
        checkFrench(path, input, outcome);
        if (before) expect(await counts()).toEqual(before);
      }),
      { numRuns: WRITERS.has(path) ? 50 : path.startsWith("referentials.search") ? 30 : 60 },
    );
    // the shapes do get past validation, not only into refusals
    if (!CODE_CHECKS.has(path)) expect(results).toBeGreaterThan(0);
  });

  it("a sign-up writes no account until its e-mailed code comes back, then one account (and its organisation), nothing more", async () => {
    const before = await counts();
    const outcome = await callPublic("auth.signUp", {
      role: "employer",
      firstName: "Awa",
      lastName: "Traoré",
      email: "fuzz.proof@exemple.fr",
      password: "Zx9!kq2Lp#wv",
      acceptTerms: true,
      siret: "73282932000074",
      organisationName: "EHPAD Les Tilleuls",
      communeInsee: "41018",
    });
    if (!outcome.ok && outcome.code === "BAD_REQUEST") {
      // the SIRET may already have been registered by a shaped sign-up above: then a field message
      expect(outcome.fields.siret?.length ?? 0).toBeGreaterThan(0);
      return;
    }
    expect(outcome.ok).toBe(true);
    const pending = await counts();
    expect(pending.users).toBe(before.users);
    expect(pending.sign_up_requests).toBe(before.sign_up_requests! + 1);
    expect(pending.email_outbox).toBe(before.email_outbox! + 1);
    const confirmed = await callPublic("auth.confirmSignUp", { email: "fuzz.proof@exemple.fr", code: await lastSignUpCode(h.db, "fuzz.proof@exemple.fr") });
    expect(confirmed.ok).toBe(true);
    const after = await counts();
    expect(after.users).toBe(before.users! + 1);
    expect(after.employers! - before.employers!).toBeLessThanOrEqual(1);
    expect(after.employer_members).toBe(before.employer_members! + 1);
  });
});
