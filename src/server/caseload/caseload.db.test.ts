import { readdirSync, readFileSync, statSync } from "node:fs";
import { candidateHandle } from "../recruiting/handles";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { checkIns, placements } from "../followup/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { instanceToday } from "../config/time-zone";
import { openTestDatabase } from "../testing/db";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { makeOrganisation, makeOffer, makeProfile } from "../testing/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const TODAY = "2027-03-01";

async function openings(profileId: string) {
  return h.db
    .select({ actorId: auditEvents.actorId, subjectType: auditEvents.subjectType })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "profile.file_open"), eq(auditEvents.subjectId, profileId)));
}

describe("a person's file", () => {
  it("adviser_of_another_territory_cannot_open_the_file_and_every_opening_is_audited", async () => {
    const { caller: mine, user: me } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: sameTerritory } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: vendome } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const { caller: admin, user: adminUser } = await callerAs(h.db, "admin");
    const followed = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: me.id, firstName: "Alice" });
    const unassigned = await makeProfile(h.db, "41018", { territoryCode: "blois" });

    const file = await mine.caseload.file({ profileId: followed.id });
    expect(file.identity).toMatchObject({ firstName: "Alice", adviserId: me.id });
    await mine.caseload.file({ profileId: followed.id });

    // another territory, or another adviser's caseload in the same territory: as if it did not exist
    await expect(vendome.caseload.file({ profileId: followed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendome.caseload.file({ profileId: unassigned.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sameTerritory.caseload.file({ profileId: followed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendome.caseload.addNote({ profileId: followed.id, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // the territory's unassigned people are open to its advisers
    await expect(sameTerritory.caseload.file({ profileId: unassigned.id })).resolves.toBeTruthy();
    await admin.caseload.file({ profileId: followed.id });

    const rows = await openings(followed.id);
    // one row per opening, with who opened whose file; refused attempts write nothing
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.actorId).sort()).toEqual([me.id, me.id, adminUser.id].sort());
    expect(rows.every((r) => r.subjectType === "profile")).toBe(true);
    expect(await openings(unassigned.id)).toHaveLength(1);
  });

  it("holds applications, proposals, placements with check-ins, notes and a dated timeline", async () => {
    const { caller: adviser, user: me } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { caller: person, user } = await callerAs(h.db, "beneficiary");
    const profile = await makeProfile(h.db, "41018", { userId: user.id, territoryCode: "blois", adviserId: me.id });
    const offer = await makeOffer(h.db, "41018", { title: "Agent d'entretien" });
    await person.applications.applyToOffer({ offerId: offer.id });
    const other = await makeOffer(h.db, "41018", { title: "Aide à domicile" });
    await adviser.proposals.create({ profileId: profile.id, offerId: other.id, message: "À voir ensemble" });
    const [placement] = await h.db
      .insert(placements)
      .values({ profileId: profile.id, jobTitle: "Agent d'entretien", startsOn: "2026-08-01", employerName: "Nettoyage Val de Loire", source: "adviser" })
      .returning();
    await h.db.insert(checkIns).values([
      { placementId: placement!.id, monthsAfter: 1, dueOn: "2026-09-01", status: "in_post", recordedAt: new Date("2026-09-02T09:00:00Z") },
      { placementId: placement!.id, monthsAfter: 3, dueOn: "2026-11-01" },
    ]);
    await expect(adviser.caseload.addNote({ profileId: profile.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(adviser.caseload.addNote({ profileId: profile.id, body: "x".repeat(4001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const note = await adviser.caseload.addNote({ profileId: profile.id, body: "Premier rendez-vous : motivée." });
    expect(note.body).toBe("Premier rendez-vous : motivée.");

    const file = await adviser.caseload.file({ profileId: profile.id });
    expect(file.applications.map((a) => a.offer?.title)).toEqual(["Agent d'entretien"]);
    expect(file.proposals[0]).toMatchObject({ fromKind: "adviser", message: "À voir ensemble" });
    expect(file.placements[0]).toMatchObject({ employerName: "Nettoyage Val de Loire", startsOn: "2026-08-01" });
    expect(file.placements[0]!.checkIns.map((c) => [c.monthsAfter, c.status])).toEqual([
      [1, "in_post"],
      [3, "pending"],
    ]);
    expect(file.notes.map((n) => n.body)).toEqual(["Premier rendez-vous : motivée."]);
    const kinds = new Set(file.timeline.map((e) => e.kind));
    for (const k of ["profile", "application", "proposal", "placement", "check_in", "note"]) expect(kinds).toContain(k);
    const dates = file.timeline.map((e) => e.at);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe("taking an unassigned person", () => {
  it("take_is_atomic_the_second_taker_is_refused", async () => {
    const territory = `take-${Date.now()}`;
    const { caller: a, user: ua } = await callerAs(h.db, "adviser", { territoryCode: territory });
    const { caller: b, user: ub } = await callerAs(h.db, "adviser", { territoryCode: territory });
    const { caller: elsewhere } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const p = await makeProfile(h.db, "41018", { territoryCode: territory, lastName: "Zeta" });

    expect((await a.caseload.unassigned({ today: TODAY })).items.map((i) => i.profileId)).toEqual([p.id]);
    await expect(elsewhere.caseload.take({ profileId: p.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const outcomes = await Promise.allSettled([a.caseload.take({ profileId: p.id }), b.caseload.take({ profileId: p.id })]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const [row] = await h.db.select({ adviserId: beneficiaryProfiles.adviserId }).from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.id));
    expect([ua.id, ub.id]).toContain(row!.adviserId);
    const winner = row!.adviserId === ua.id ? a : b;
    const loser = row!.adviserId === ua.id ? b : a;
    expect((await winner.caseload.list({ today: TODAY })).items.map((i) => i.profileId)).toEqual([p.id]);
    expect((await loser.caseload.list({ today: TODAY })).total).toBe(0);
    expect((await loser.caseload.unassigned({ today: TODAY })).total).toBe(0);
    // a later try by the loser is refused too, and the winner's file is now closed to them
    await expect(loser.caseload.take({ profileId: p.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(loser.caseload.file({ profileId: p.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const trail = await h.db.select().from(auditEvents).where(and(eq(auditEvents.action, "profile.take"), eq(auditEvents.subjectId, p.id)));
    expect(trail).toHaveLength(1);
  });

  it("admin assigns a person and sees the caseload size per adviser", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois", lastName: "Aaa-Compte" });
    const { user: employer } = await callerAs(h.db, "employer");
    const p1 = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    const p2 = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    await admin.caseload.assign({ profileId: p1.id, adviserId: adviser.id });
    await admin.caseload.assign({ profileId: p2.id, adviserId: adviser.id });
    await expect(admin.caseload.assign({ profileId: p2.id, adviserId: employer.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    let counts = await admin.caseload.countsByAdviser();
    expect(counts.advisers.find((a) => a.adviserId === adviser.id)).toMatchObject({ active: 2, archived: 0 });
    await admin.caseload.assign({ profileId: p2.id, adviserId: null });
    counts = await admin.caseload.countsByAdviser();
    expect(counts.advisers.find((a) => a.adviserId === adviser.id)).toMatchObject({ active: 1 });
    expect(counts.unassigned.find((u) => u.territoryCode === "blois")!.count).toBeGreaterThanOrEqual(1);
    // admin lists one adviser's caseload
    expect((await admin.caseload.list({ adviserId: adviser.id, today: TODAY })).items.map((i) => i.profileId)).toEqual([p1.id]);
    // admin filters by territory; an adviser's territory filter is ignored (own caseload only)
    const elsewhere = await makeProfile(h.db, "41269", { territoryCode: "vendome", adviserId: adviser.id });
    const blois = (await admin.caseload.list({ adviserId: adviser.id, territoryCode: "blois", today: TODAY })).items;
    expect(blois.map((i) => i.profileId)).toEqual([p1.id]);
    expect((await admin.caseload.unassigned({ territoryCode: "blois", today: TODAY })).items.map((i) => i.profileId)).toContain(p2.id);
    const adviserCaller = await callerFor(h.db, adviser.id);
    expect(new Set((await adviserCaller.caseload.list({ territoryCode: "vendome", today: TODAY })).items.map((i) => i.profileId))).toEqual(
      new Set([p1.id, elsewhere.id]),
    );
    await expect(adviserCaller.caseload.assign({ profileId: p2.id, adviserId: adviser.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the caseload list", () => {
  it("filters by name, status, last activity, CV completeness and placement stage", async () => {
    const { caller, user: me } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const mk = (lastName: string, extra: Parameters<typeof makeProfile>[2] = {}) =>
      makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: me.id, firstName: "Test", lastName, ...extra });
    const none = await mk("Aucun");
    const placed = await mk("Debut", { skillCodes: [1, 2, 3] });
    const followup = await mk("Suivi");
    const retained = await mk("Retenu");
    const ended = await mk("Fini");
    const archived = await mk("Archive");
    await h.db.update(beneficiaryProfiles).set({ status: "archived" }).where(eq(beneficiaryProfiles.id, archived.id));
    // someone else's person never shows
    const other = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: other.id, lastName: "Aucun" });

    const place = (profileId: string, startsOn: string, status: "active" | "ended" = "active") =>
      h.db.insert(placements).values({ profileId, jobTitle: "Agent", startsOn, status }).returning().then((r) => r[0]!);
    await place(placed.id, "2027-02-15");
    await place(followup.id, "2026-12-01");
    const r = await place(retained.id, "2026-08-01");
    await h.db.insert(checkIns).values({ placementId: r.id, monthsAfter: 6, dueOn: "2027-02-01", status: "in_post" });
    await place(ended.id, "2026-10-01", "ended");

    const names = async (input: Record<string, unknown>) =>
      (await caller.caseload.list({ today: TODAY, ...input })).items.map((i) => i.lastName);

    expect(await names({})).toEqual(["Aucun", "Debut", "Fini", "Retenu", "Suivi"]);
    expect(await names({ status: "archived" })).toEqual(["Archive"]);
    expect(await names({ status: "all" })).toHaveLength(6);
    expect(await names({ query: "suiv" })).toEqual(["Suivi"]);
    expect(await names({ query: "test fin" })).toEqual(["Fini"]);
    expect(await names({ query: "100%_" })).toEqual([]);
    expect(await names({ stage: "none" })).toEqual(["Aucun"]);
    expect(await names({ stage: "placed" })).toEqual(["Debut"]);
    expect(await names({ stage: "followup" })).toEqual(["Suivi"]);
    expect(await names({ stage: "retained" })).toEqual(["Retenu"]);
    expect(await names({ stage: "ended" })).toEqual(["Fini"]);

    // completeness: the same number as the person's own completeness bar
    const list = await caller.caseload.list({ today: TODAY, status: "all" });
    for (const item of list.items) {
      const file = await caller.caseload.file({ profileId: item.profileId });
      expect(item.completeness).toBe(file.completeness.percent);
    }
    const debut = list.items.find((i) => i.lastName === "Debut")!;
    const aucun = list.items.find((i) => i.lastName === "Aucun")!;
    expect(debut.completeness).toBeGreaterThan(aucun.completeness);
    expect(await names({ completenessAtLeast: debut.completeness })).toEqual(["Debut"]);
    expect(await names({ completenessBelow: debut.completeness })).toEqual(["Aucun", "Fini", "Retenu", "Suivi"]);

    // last activity: the profile's last save or the last move of an application
    const longAgo = new Date(Date.now() - 60 * 86400_000);
    await h.db.update(beneficiaryProfiles).set({ updatedAt: longAgo }).where(eq(beneficiaryProfiles.id, none.id));
    const today = instanceToday();
    expect(await names({ inactiveDays: 30, today })).toEqual(["Aucun"]);
    expect(await names({ inactiveDays: 90, today })).toEqual([]);
    const row = (await caller.caseload.list({ today, query: "Aucun" })).items[0]!;
    expect(row.lastActivityAt.toISOString()).toBe(longAgo.toISOString());
    expect(row).toMatchObject({ communeName: "Blois", stage: "none", placement: null });

    // paging
    const page = await caller.caseload.list({ today: TODAY, limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.lastName)).toEqual(["Fini", "Retenu"]);
    expect((await caller.caseload.list({ today: TODAY, limit: 2, offset: 10 })).total).toBe(5);
  });
});

describe("adviser notes stay private", () => {
  it("notes never appear in an employer's candidates list or candidate card", async () => {
    const { caller: adviser, user: me } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const company = await makeOrganisation(h.db);
    const employer = await callerFor(h.db, company.owner.id);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId });
    const profile = await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: me.id });
    const secret = "NOTE-PRIVEE-santé-fragile";
    await adviser.caseload.addNote({ profileId: profile.id, body: secret });
    await adviser.proposals.create({ profileId: profile.id, offerId: offer.id, message: "Bonne candidate" });

    const list = await employer.recruiting.candidates({ offerId: offer.id });
    expect(list.items.map((i) => i.candidateId)).toContain(candidateHandle(offer.id, profile.id));
    expect(JSON.stringify(list)).not.toContain(secret);
    const card = await employer.recruiting.candidate({ offerId: offer.id, candidateId: candidateHandle(offer.id, profile.id) });
    expect(JSON.stringify(card)).not.toContain(secret);
    expect((await adviser.caseload.file({ profileId: profile.id })).notes[0]!.body).toBe(secret);
  });

  it("no recruiting or matching code reads the adviser_notes table", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(p);
      }
    };
    for (const dir of ["recruiting", "matching"]) walk(join(process.cwd(), "src", "server", dir));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(readFileSync(f, "utf8"), f).not.toMatch(/adviser_notes|adviserNotes|followup\/schema/);
  });
});
