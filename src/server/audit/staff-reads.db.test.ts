import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { addMonths } from "../../lib/dates";
import { callerAs, callerFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { makeOffer, makeProfile } from "../testing/factories";
import { recordReads } from "./record";
import { auditEvents } from "./schema";
import { ACTION_LABELS } from "./labels";

// Issue 15, item 7: every procedure that shows a person's data to an adviser or an admin writes
// one audit row per person shown (subject: that person), in one insert; a refused call writes
// nothing; a person reading their own data is not audited.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

type Row = { actorId: string | null; action: string; subjectType: string; subjectId: string | null; details: Record<string, unknown> };

/** The read events written by this actor (reads only: `*.read_*`). */
async function readsBy(actorId: string): Promise<Row[]> {
  return h.db
    .select({ actorId: auditEvents.actorId, action: auditEvents.action, subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), like(auditEvents.action, "%.read_%")));
}

async function readsOf(subjectIds: string[]): Promise<Row[]> {
  return h.db
    .select({ actorId: auditEvents.actorId, action: auditEvents.action, subjectType: auditEvents.subjectType, subjectId: auditEvents.subjectId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(inArray(auditEvents.subjectId, subjectIds), like(auditEvents.action, "%.read_%")));
}

const sorted = (ids: string[]) => [...ids].sort();

async function adviserWithPeople(n: number, territoryCode = "blois") {
  const { user, caller } = await callerAs(h.db, "adviser", { territoryCode });
  const people = [];
  for (let i = 0; i < n; i++) people.push(await makeProfile(h.db, "41018", { adviserId: user.id, territoryCode, lastName: `Lecteur${i}` }));
  return { adviser: user, caller, people };
}

describe("recordReads, the bulk helper", () => {
  it("writes one row per distinct person, none for an empty list, none for the reader themself", async () => {
    const { user } = await callerAs(h.db, "admin");
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    expect(await recordReads(h.db, user.id, "account.read_list", "user", [a, b, a, user.id], { source: "test" })).toBe(2);
    expect(await recordReads(h.db, user.id, "account.read_list", "user", [], { source: "test" })).toBe(0);
    const rows = await readsBy(user.id);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted([a, b]));
    expect(rows.every((r) => r.subjectType === "user" && r.details.source === "test")).toBe(true);
  });

  it("every read action has a French label", () => {
    for (const action of ["profile.read_cv", "profile.read_list", "profile.read_search", "profile.read_placements", "profile.read_followup", "profile.read_ranking", "profile.read_matches", "account.read_list"]) {
      expect(ACTION_LABELS[action], action).toMatch(/[a-zé]/);
    }
  });
});

describe("each staff read writes one row per person shown", () => {
  it("caseload.list: the page's people, one row each, with the page named and nothing about them", async () => {
    const { adviser, caller, people } = await adviserWithPeople(3);
    const page = await caller.caseload.list({ limit: 2 });
    expect(page.items).toHaveLength(2);
    const rows = await readsBy(adviser.id);
    expect(rows).toHaveLength(2);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted(page.items.map((i) => i.profileId)));
    expect(rows.every((r) => r.action === "profile.read_list" && r.subjectType === "profile")).toBe(true);
    expect(rows[0]!.details).toEqual({ source: "caseload.list" });
    expect(JSON.stringify(rows)).not.toContain("Lecteur");
    // the person left off the page was not read
    const left = people.find((p) => !page.items.some((i) => i.profileId === p.id))!;
    expect(await readsOf([left.id])).toEqual([]);
  });

  it("caseload.unassigned: the territory's people nobody follows", async () => {
    const { user: adviser, caller } = await callerAs(h.db, "adviser", { territoryCode: "romorantin" });
    const free = await makeProfile(h.db, "41018", { territoryCode: "romorantin", lastName: "Libre" });
    const page = await caller.caseload.unassigned({});
    expect(page.items.map((i) => i.profileId)).toContain(free.id);
    const rows = await readsBy(adviser.id);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted(page.items.map((i) => i.profileId)));
    expect(rows.every((r) => r.action === "profile.read_list" && r.details.source === "caseload.unassigned")).toBe(true);
  });

  it("profile.ofPerson: the CV read by an adviser, one row", async () => {
    const { adviser, caller, people } = await adviserWithPeople(1);
    await caller.profile.ofPerson({ profileId: people[0]!.id });
    expect(await readsBy(adviser.id)).toEqual([
      { actorId: adviser.id, action: "profile.read_cv", subjectType: "profile", subjectId: people[0]!.id, details: { source: "profile.ofPerson" } },
    ]);
  });

  it("search.profiles: one row per hit returned", async () => {
    const { adviser, caller } = await adviserWithPeople(0);
    const a = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois", lastName: "Zebulonesque" });
    const b = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois", lastName: "Zebulonesque" });
    const result = await caller.search.profiles({ q: "Zebulonesque" });
    expect(sorted(result.hits.map((x) => x.id))).toEqual(sorted([a.id, b.id]));
    const rows = await readsBy(adviser.id);
    expect(rows).toHaveLength(2);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted([a.id, b.id]));
    expect(rows.every((r) => r.action === "profile.read_search")).toBe(true);
    // a search that finds nobody writes nothing
    await caller.search.profiles({ q: "Personneneportecenom" });
    expect(await readsBy(adviser.id)).toHaveLength(2);
  });

  it("followup.placementsOfProfile and followup.due: the person whose placements are shown", async () => {
    const { adviser, caller, people } = await adviserWithPeople(1);
    const profileId = people[0]!.id;
    await caller.followup.createPlacement({
      profileId,
      employerName: "Boulangerie Martin",
      jobTitle: "Vendeuse en boulangerie",
      romeCode: "D1106",
      contract: "cdd",
      startsOn: addMonths(instanceToday(), -7),
      hoursPerWeek: 24,
    });
    await caller.followup.placementsOfProfile({ profileId });
    const due = await caller.followup.due();
    // three overdue check-ins of one person: one row for that person
    expect(due.overdue).toHaveLength(3);
    const rows = await readsBy(adviser.id);
    expect(rows.map((r) => [r.action, r.subjectId]).sort()).toEqual([
      ["profile.read_followup", profileId],
      ["profile.read_placements", profileId],
    ]);
  });

  it("matching.candidatesForOffer: one row per candidate of the raw ranking", async () => {
    const { user: admin, caller } = await callerAs(h.db, "admin");
    const offer = await makeOffer(h.db, "41018");
    const ranking = await caller.matching.candidatesForOffer({ offerId: offer.id, limit: 3 });
    expect(ranking.length).toBeGreaterThan(0);
    const rows = await readsBy(admin.id);
    expect(rows).toHaveLength(ranking.length);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted(ranking.map((i) => i.id)));
    expect(rows.every((r) => r.action === "profile.read_ranking" && r.subjectType === "profile")).toBe(true);
  });

  it("matching.offersForBeneficiary / formationsForBeneficiary: the person the ranking is made around, not when it is their own", async () => {
    const { adviser, caller, people } = await adviserWithPeople(1);
    await caller.matching.offersForBeneficiary({ profileId: people[0]!.id });
    await caller.matching.formationsForBeneficiary({ profileId: people[0]!.id });
    const rows = await readsBy(adviser.id);
    expect(rows.map((r) => [r.action, r.subjectId, r.details.source]).sort()).toEqual([
      ["profile.read_matches", people[0]!.id, "matching.formationsForBeneficiary"],
      ["profile.read_matches", people[0]!.id, "matching.offersForBeneficiary"],
    ]);
    const { user, caller: me } = await callerAs(h.db, "beneficiary");
    const own = await makeProfile(h.db, "41018", { userId: user.id });
    await me.matching.offersForBeneficiary({});
    await me.matching.formationsForBeneficiary({});
    expect(await readsOf([own.id])).toEqual([]);
  });

  it("accounts.list: one row per account shown, not the admin's own", async () => {
    const { user: admin, caller } = await callerAs(h.db, "admin", { lastName: "Listeuse" });
    const page = await caller.accounts.list({ limit: 5 });
    expect(page.users.length).toBe(5);
    const shownOthers = page.users.map((u) => u.id).filter((id) => id !== admin.id);
    // the newest account is the admin's own: listed, not audited
    expect(page.users.map((u) => u.id)).toContain(admin.id);
    const rows = await readsBy(admin.id);
    expect(sorted(rows.map((r) => r.subjectId!))).toEqual(sorted(shownOthers));
    expect(rows.every((r) => r.action === "account.read_list" && r.subjectType === "user")).toBe(true);
  });
});

describe("refused calls and one's own data write nothing", () => {
  it("another territory's adviser, an employer and an anonymous caller are refused, and no read is recorded", async () => {
    const { people } = await adviserWithPeople(1);
    const profileId = people[0]!.id;
    const { user: other, caller: vendome } = await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const { user: employer, caller: employerCaller } = await callerAs(h.db, "employer");
    await expect(vendome.profile.ofPerson({ profileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendome.followup.placementsOfProfile({ profileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(employerCaller.profile.ofPerson({ profileId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(employerCaller.caseload.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(employerCaller.search.profiles({ q: "Lecteur0" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const anonymous = await callerFor(h.db, null);
    await expect(anonymous.caseload.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await readsOf([profileId])).toEqual([]);
    expect(await readsBy(other.id)).toEqual([]);
    expect(await readsBy(employer.id)).toEqual([]);
  });

  it("a beneficiary reading their own CV writes no read event", async () => {
    const { user, caller } = await callerAs(h.db, "beneficiary");
    const own = await makeProfile(h.db, "41018", { userId: user.id });
    expect((await caller.profile.mine()).profile).toBeTruthy();
    expect(await readsOf([own.id])).toEqual([]);
    expect(await readsBy(user.id)).toEqual([]);
  });
});
