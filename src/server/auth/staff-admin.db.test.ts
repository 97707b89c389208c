import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { callerAs, makeUser, userByEmail } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { openTestDatabase } from "../testing/db";
import { makeProfile } from "../testing/factories";
import { users } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function userRow(id: string) {
  const [u] = await h.db.select().from(users).where(eq(users.id, id));
  return u!;
}

async function auditsOf(action: string, subjectId: string) {
  return h.db
    .select({ actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)))
    .orderBy(asc(auditEvents.at));
}

describe("an admin manages advisers and admins", () => {
  it("sets a territory (or the whole instance), audited; refuses an unknown territory", async () => {
    const { caller: admin, user: me } = await callerAs(h.db, "admin");
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    await admin.accounts.setTerritory({ userId: adviser.id, territoryCode: "vendome" });
    expect((await userRow(adviser.id)).territoryCode).toBe("vendome");
    await admin.accounts.setTerritory({ userId: adviser.id, territoryCode: null });
    expect((await userRow(adviser.id)).territoryCode).toBeNull();
    expect(await auditsOf("account.set_territory", adviser.id)).toEqual([
      { actorId: me.id, details: { from: "blois", to: "vendome" } },
      { actorId: me.id, details: { from: "vendome", to: null } },
    ]);

    const unknown = await fieldErrors(admin.accounts.setTerritory({ userId: adviser.id, territoryCode: "atlantide" }));
    expect(unknown).toEqual({ territoryCode: ["Ce territoire n'existe pas dans l'instance."] });
    expect((await userRow(adviser.id)).territoryCode).toBeNull();
    // an employer's territory is not the admin's to set here
    const employer = await makeUser(h.db, "employer");
    expect(Object.keys(await fieldErrors(admin.accounts.setTerritory({ userId: employer.id, territoryCode: "blois" })))).toEqual([
      "userId",
    ]);
  });

  it("creating an adviser in a territory the instance does not have is refused, and nothing is written", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const email = "conseiller.atlantide@exemple.fr";
    const errors = await fieldErrors(
      admin.accounts.createStaff({ role: "adviser", email, firstName: "Paul", lastName: "Nouveau", territoryCode: "atlantide" }),
    );
    expect(errors).toEqual({ territoryCode: ["Ce territoire n'existe pas dans l'instance."] });
    expect(await h.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("switches adviser and admin, audited; never their own role, never an adviser who still follows people", async () => {
    const { caller: admin, user: me } = await callerAs(h.db, "admin");
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    await admin.accounts.setRole({ userId: adviser.id, role: "admin" });
    expect((await userRow(adviser.id)).role).toBe("admin");
    await admin.accounts.setRole({ userId: adviser.id, role: "adviser" });
    expect((await userRow(adviser.id)).role).toBe("adviser");
    expect((await auditsOf("account.set_role", adviser.id)).map((a) => a.details)).toEqual([
      { from: "adviser", to: "admin" },
      { from: "admin", to: "adviser" },
    ]);

    expect(await fieldErrors(admin.accounts.setRole({ userId: me.id, role: "adviser" }))).toEqual({
      role: ["Vous ne pouvez pas changer votre propre rôle."],
    });
    expect((await userRow(me.id)).role).toBe("admin");

    await makeProfile(h.db, "41018", { territoryCode: "blois", adviserId: adviser.id });
    const busy = await fieldErrors(admin.accounts.setRole({ userId: adviser.id, role: "admin" }));
    expect(busy.role?.[0]).toMatch(/suit encore des personnes/);
    expect((await userRow(adviser.id)).role).toBe("adviser");

    const beneficiary = await makeUser(h.db, "beneficiary");
    expect(Object.keys(await fieldErrors(admin.accounts.setRole({ userId: beneficiary.id, role: "admin" })))).toEqual(["userId"]);
    expect((await userRow(beneficiary.id)).role).toBe("beneficiary");
  });

  it("cannot disable themselves; another admin can be disabled and re-enabled", async () => {
    const { caller: admin, user: me } = await callerAs(h.db, "admin");
    expect(await fieldErrors(admin.accounts.setStatus({ userId: me.id, status: "disabled" }))).toEqual({
      userId: ["Vous ne pouvez pas désactiver votre propre compte."],
    });
    expect((await userByEmail(h.db, me.email!))!.status).toBe("active");
    const other = await makeUser(h.db, "admin");
    await admin.accounts.setStatus({ userId: other.id, status: "disabled" });
    expect((await userRow(other.id)).status).toBe("disabled");
    await admin.accounts.setStatus({ userId: other.id, status: "active" });
    expect((await userRow(other.id)).status).toBe("active");
  });

  it("advisers are refused territory and role changes", async () => {
    const { caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const { user: target } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await expect(caller.accounts.setTerritory({ userId: target.id, territoryCode: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.accounts.setRole({ userId: target.id, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
