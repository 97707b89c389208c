import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { callerAs, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { openTestDatabase } from "../testing/db";
import { makeProfile } from "../testing/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function advisersOf(ids: string[]) {
  const rows = await h.db
    .select({ id: beneficiaryProfiles.id, adviserId: beneficiaryProfiles.adviserId })
    .from(beneficiaryProfiles)
    .where(inArray(beneficiaryProfiles.id, ids));
  return new Map(rows.map((r) => [r.id, r.adviserId]));
}

async function assignAudits(ids: string[]) {
  return h.db
    .select({ subjectId: auditEvents.subjectId, actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "profile.assign"), inArray(auditEvents.subjectId, ids)));
}

describe("bulk assignment", () => {
  it("assigns every selected person in one go, each move audited, and moves them on or back", async () => {
    const { caller: admin, user: me } = await callerAs(h.db, "admin");
    const first = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const second = await makeUser(h.db, "adviser", { territoryCode: "vendome" });
    const people = await Promise.all([1, 2, 3].map(() => makeProfile(h.db, "41018", { territoryCode: "blois" })));
    const ids = people.map((p) => p.id);

    expect(await admin.caseload.assignMany({ profileIds: ids, adviserId: first.id })).toEqual({
      adviserId: first.id,
      assigned: 3,
      unchanged: 0,
    });
    expect([...(await advisersOf(ids)).values()]).toEqual([first.id, first.id, first.id]);
    const audits = await assignAudits(ids);
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.actorId === me.id && (a.details as { from: unknown }).from === null)).toBe(true);

    // the adviser's list shows them (the page reuses caseload.list)
    const listed = await admin.caseload.list({ adviserId: first.id });
    expect(listed.items.map((i) => i.profileId).sort()).toEqual([...ids].sort());

    // two of them move to another adviser; the third stays
    const moved = await admin.caseload.assignMany({ profileIds: [ids[0]!, ids[1]!], adviserId: second.id });
    expect(moved).toMatchObject({ assigned: 2, unchanged: 0 });
    // back among the unassigned, already-unassigned ones counted unchanged
    const back = await admin.caseload.assignMany({ profileIds: [ids[0]!, ids[2]!], adviserId: null });
    expect(back).toMatchObject({ assigned: 2 });
    const now = await advisersOf(ids);
    expect([now.get(ids[0]!), now.get(ids[1]!), now.get(ids[2]!)]).toEqual([null, second.id, null]);
    expect(await admin.caseload.assignMany({ profileIds: [ids[0]!], adviserId: null })).toMatchObject({ assigned: 0, unchanged: 1 });
    expect(await assignAudits(ids)).toHaveLength(7);
  });

  it("writes nothing when one id is unknown or the target is not an active adviser", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const disabled = await makeUser(h.db, "adviser", { territoryCode: "blois", status: "disabled" });
    const anotherAdmin = await makeUser(h.db, "admin");
    const employer = await makeUser(h.db, "employer");
    const people = await Promise.all([1, 2].map(() => makeProfile(h.db, "41018", { territoryCode: "blois" })));
    const ids = people.map((p) => p.id);

    const unknown = await fieldErrors(
      admin.caseload.assignMany({ profileIds: [...ids, "00000000-0000-4000-8000-000000000000"], adviserId: adviser.id }),
    );
    expect(unknown.profileIds?.[0]).toMatch(/1 personne de la sélection n'existe plus.*Aucune affectation/);
    for (const target of [disabled, anotherAdmin, employer]) {
      const e = await fieldErrors(admin.caseload.assignMany({ profileIds: ids, adviserId: target.id }));
      expect(e).toEqual({ adviserId: ["Choisissez un conseiller actif."] });
    }
    const none = await fieldErrors(admin.caseload.assignMany({ profileIds: [], adviserId: adviser.id }));
    expect(none.profileIds).toEqual(["Cochez au moins une personne."]);
    expect([...(await advisersOf(ids)).values()]).toEqual([null, null]);
    expect(await assignAudits(ids)).toHaveLength(0);
  });

  it("advisers, employers and beneficiaries are refused the bulk assignment", async () => {
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const person = await makeProfile(h.db, "41018", { territoryCode: "blois" });
    for (const role of ["adviser", "employer", "beneficiary"] as const) {
      const { caller } = await callerAs(h.db, role, { territoryCode: "blois" });
      await expect(caller.caseload.assignMany({ profileIds: [person.id], adviserId: adviser.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await advisersOf([person.id])).get(person.id)).toBeNull();
  });
});
