import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import { users } from "../auth/schema";
import type { DatabaseHandle } from "../db/client";
import { emailOutbox, notifications } from "../notifications/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { rateLimitHits } from "../ratelimit/schema";
import { quotaItem } from "../recruiting/quota";
import { callerAs, callerFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { recordAudit } from "../audit/record";
import { erasePerson } from "./erase";
import { findInWholeDatabase, seedRichPerson } from "../testing/rich-person";

// Each test seeds a person in every table and dumps the whole database: slow on a busy machine.
const SLOW = 240_000;

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const needlesOf = (p: Awaited<ReturnType<typeof seedRichPerson>>) => [p.firstName, p.lastName, p.email, p.phone, p.profileId, p.user.id, p.externalId];

describe("erasure leaves no trace", () => {
  it("after a person erases their account, a dump of every table holds none of their names, e-mail, phone or ids", async () => {
    const p = await seedRichPerson(h.db);
    const needles = needlesOf(p);
    // the dump does find them before: every needle somewhere, and in the corners the issue names
    const before = await findInWholeDatabase(h.db, needles);
    const everywhere = new Set(Object.values(before).flat());
    expect([...everywhere].sort()).toEqual(needles.map((x) => x.toLowerCase()).sort());
    for (const table of [
      "users",
      "beneficiary_profiles",
      "applications",
      "proposals",
      "placements",
      "check_ins",
      "adviser_notes",
      "notifications",
      "email_outbox",
      "audit_events",
      "offer_views",
      "rate_limit_hits",
      "sign_in_attempts",
      "search_documents",
    ]) {
      expect(Object.keys(before), table).toContain(table);
    }
    const auditRows = (await h.db.select().from(auditEvents)).length;
    const quotaRows = () => h.db.select().from(rateLimitHits).where(eq(rateLimitHits.item, quotaItem(p.profileId)));
    expect(await quotaRows()).toHaveLength(1);

    await p.me.privacy.eraseMine({ password: p.password });

    expect(await findInWholeDatabase(h.db, needles)).toEqual({});
    // nor the digest under which an organisation's candidate quota counted them
    expect(await quotaRows()).toHaveLength(0);
    // the audit trail still says what happened, who did it and when
    const after = await h.db.select().from(auditEvents);
    expect(after.length).toBe(auditRows + 1);
    const reads = after.filter((e) => e.action === "profile.file_open" && e.actorId === p.adviser.id);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.subjectId === null)).toBe(true);
    // the other people involved keep their own data
    expect(await h.db.select().from(users).where(eq(users.id, p.adviser.id))).toHaveLength(1);
    expect(await h.db.select().from(users).where(eq(users.id, p.company.owner.id))).toHaveLength(1);
  }, SLOW);

  it("an adviser erases a person without an account they follow, with a reason; the dump finds nothing", async () => {
    const { user: adviser, caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const person = await makeProfile(h.db, "41018", {
      firstName: "Octavie",
      lastName: "Brandelune",
      email: "octavie.brandelune@exemple.fr",
      phone: "02 54 99 88 77",
      externalId: "IMPORT-9931",
      adviserId: adviser.id,
      territoryCode: "blois",
    });
    await caller.caseload.file({ profileId: person.id });
    await caller.caseload.addNote({ profileId: person.id, body: "Premier rendez-vous." });
    await h.db.insert(notifications).values({ userId: adviser.id, kind: "test", title: "Octavie Brandelune a répondu", aboutProfileId: null });
    await h.db.insert(emailOutbox).values({ toAddress: "octavie.brandelune@exemple.fr", subject: "Votre rendez-vous", body: "Bonjour" });
    const needles = ["Octavie", "Brandelune", "octavie.brandelune@exemple.fr", "02 54 99 88 77", "IMPORT-9931", person.id];
    expect(Object.keys(await findInWholeDatabase(h.db, needles)).length).toBeGreaterThan(3);

    // a confirmation and a known reason are required
    expect(await fieldErrors(caller.privacy.erasePerson({ profileId: person.id, reason: "boredom" as never, confirm: true }))).toEqual({
      reason: ["Choisissez la raison de l'effacement."],
    });
    expect(await fieldErrors(caller.privacy.erasePerson({ profileId: person.id, reason: "duplicate", confirm: false as never }))).toEqual({
      confirm: ["Cochez la case pour confirmer l'effacement."],
    });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, person.id))).toHaveLength(1);

    await caller.privacy.erasePerson({ profileId: person.id, reason: "duplicate", confirm: true });
    expect(await findInWholeDatabase(h.db, needles)).toEqual({});
    const mine = (await h.db.select().from(auditEvents).where(eq(auditEvents.actorId, adviser.id))).filter((e) => e.action === "person.erased");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.details).toEqual({ reason: "duplicate", erasedBy: "adviser", role: "beneficiary", territoryCode: "blois" });
    expect(mine[0]!.subjectId).toBeNull();
  }, SLOW);

  it("an adviser cannot erase someone outside their caseload (same answer as a missing person), nor someone with an account", async () => {
    const { user: other } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const theirs = await makeProfile(h.db, "41018", { adviserId: other.id, territoryCode: "blois" });
    const unassigned = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    const missing = "00000000-0000-4000-8000-000000000000";
    const answers = await Promise.all(
      [theirs.id, unassigned.id, missing].map((profileId) =>
        caller.privacy.erasePerson({ profileId, reason: "duplicate", confirm: true }).then(
          () => "erased",
          (e: { code?: string; message?: string }) => `${e.code} ${e.message}`,
        ),
      ),
    );
    expect(answers).toEqual(["NOT_FOUND Personne introuvable.", "NOT_FOUND Personne introuvable.", "NOT_FOUND Personne introuvable."]);
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, theirs.id))).toHaveLength(1);
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, unassigned.id))).toHaveLength(1);

    // a person with an active account of their own erases it themself (or asks an admin)
    const p = await seedRichPerson(h.db);
    await expect(p.adviserCaller.privacy.erasePerson({ profileId: p.profileId, reason: "person_asked", confirm: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/a un compte/),
    });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.profileId))).toHaveLength(1);

    // employers, training organisations and the person themself cannot call it at all
    for (const role of ["employer", "training_org", "beneficiary"] as const) {
      const { caller: c } = await callerAs(h.db, role);
      await expect(c.privacy.erasePerson({ profileId: theirs.id, reason: "duplicate", confirm: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerFor(h.db, null)).privacy.erasePerson({ profileId: theirs.id, reason: "duplicate", confirm: true })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, theirs.id))).toHaveLength(1);

    // an admin may erase anyone, the account holder included (a request by letter)
    const { caller: admin } = await callerAs(h.db, "admin");
    await admin.privacy.erasePerson({ profileId: p.profileId, reason: "person_asked", confirm: true });
    expect(await findInWholeDatabase(h.db, needlesOf(p))).toEqual({});
  }, SLOW);

  it("a recruiter's erased account leaves its id and e-mail nowhere (who-did-it columns, audit), the company's data stays", async () => {
    const company = await makeOrganisation(h.db, "company", 1);
    const owner = company.owner;
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    await h.db.execute(sql`update offers set created_by = ${owner.id}::uuid, updated_by = ${owner.id}::uuid where id = ${offer.id}::uuid`);
    await recordAudit(h.db, { actorId: owner.id, action: "offer.update", subjectType: "offer", subjectId: offer.id, details: { by: owner.email } });
    const needles = [owner.id, owner.email!];
    expect(Object.keys(await findInWholeDatabase(h.db, needles)).sort()).toEqual(["audit_events", "employer_members", "offers", "users"]);

    expect(await erasePerson(h.db, { userId: owner.id }, { kind: "self" }, "own_request")).toBe(true);
    expect(await findInWholeDatabase(h.db, needles)).toEqual({});
    const [kept] = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, offer.id));
    expect(kept).toMatchObject({ action: "offer.update", actorId: null, details: { erased: true } });
    expect(await h.db.select().from(users).where(eq(users.id, company.recruiters[0]!.id))).toHaveLength(1);
  }, SLOW);

  it("names are matched as whole words: short names do not take other people's notifications with them", async () => {
    const { user: adviser, caller: admin } = await callerAs(h.db, "admin");
    const person = await makeProfile(h.db, "41018", { firstName: "Léa", lastName: "Roy", territoryCode: "blois" });
    const [theirs, others] = await h.db
      .insert(notifications)
      .values([
        { userId: adviser.id, kind: "test", title: "Rendez-vous : Léa Roy, mardi" },
        { userId: adviser.id, kind: "test", title: "Please call the Troyes office about Léandre" },
      ])
      .returning();
    await admin.privacy.erasePerson({ profileId: person.id, reason: "created_by_mistake", confirm: true });
    expect(await h.db.select().from(notifications).where(eq(notifications.id, theirs!.id))).toHaveLength(0);
    expect(await h.db.select().from(notifications).where(eq(notifications.id, others!.id))).toHaveLength(1);
  }, SLOW);

  it("a wrong password erases nothing", async () => {
    const p = await seedRichPerson(h.db);
    expect(await fieldErrors(p.me.privacy.eraseMine({ password: "Pas-le-bon-2026" }))).toEqual({ password: ["Mot de passe incorrect."] });
    expect(Object.keys(await findInWholeDatabase(h.db, [p.profileId]))).toContain("beneficiary_profiles");
  }, SLOW);
});
