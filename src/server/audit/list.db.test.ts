import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { callerAs, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { auditEvents } from "./schema";

let h: DatabaseHandle;
let actor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
  await h.db.delete(auditEvents);
  actor = await makeUser(h.db, "adviser", { firstName: "Léa", lastName: "Journalière", email: "lea.journal@test.example" });
  // 60 reads of a file by Léa on 10 March (Paris), one import by the system on 11 March just
  // after midnight in Paris (still 10 March in UTC), one account creation on 12 March.
  await h.db.insert(auditEvents).values(
    Array.from({ length: 60 }, (_, i) => ({
      actorId: actor.id,
      action: "profile.file_open",
      subjectType: "profile",
      subjectId: `p-${i}`,
      at: new Date(Date.UTC(2026, 2, 10, 9, i)),
    })),
  );
  await h.db.insert(auditEvents).values([
    { actorId: null, action: "import.run", subjectType: "import", subjectId: "imp-1", details: { kind: "offers", rows: 12 }, at: new Date("2026-03-10T23:30:00Z") },
    { actorId: actor.id, action: "account.create", subjectType: "user", subjectId: "u-1", at: new Date("2026-03-12T10:00:00Z") },
  ]);
});
afterAll(async () => {
  await h?.close();
});

describe("audit.list", () => {
  it("lists newest first, 50 a page, with the families and subject types for the filters", async () => {
    const { caller } = await callerAs(h.db, "admin");
    const one = await caller.audit.list({});
    expect(one.total).toBe(62);
    expect(one.items).toHaveLength(50);
    expect(one.items[0]).toMatchObject({ action: "account.create", actor: { email: "lea.journal@test.example", name: "Léa Journalière" } });
    expect(one.items[1]).toMatchObject({ action: "import.run", actor: null, details: { kind: "offers", rows: 12 } });
    expect(one.items[2]?.subjectId).toBe("p-59");
    const two = await caller.audit.list({ page: 2 });
    expect(two.items).toHaveLength(12);
    expect(two.items.at(-1)?.subjectId).toBe("p-0");
    expect(new Set([...one.items, ...two.items].map((i) => i.id)).size).toBe(62);
    const beyond = await caller.audit.list({ page: 9 });
    expect(beyond).toMatchObject({ items: [], total: 62 });
    expect(one.families).toEqual(["account", "import", "profile"]);
    expect(one.subjectTypes).toEqual(["import", "profile", "user"]);
  });

  it("filters by family or exact action, by actor, by subject and by Paris day", async () => {
    const { caller } = await callerAs(h.db, "admin");
    expect((await caller.audit.list({ action: "import" })).items.map((i) => i.subjectId)).toEqual(["imp-1"]);
    expect((await caller.audit.list({ action: "profile.file_open" })).total).toBe(60);
    expect((await caller.audit.list({ action: "profile.take" })).total).toBe(0);
    expect((await caller.audit.list({ actor: "JOURNAL" })).total).toBe(61);
    expect((await caller.audit.list({ actor: "léa journ" })).total).toBe(61);
    expect((await caller.audit.list({ actor: "personne" })).total).toBe(0);
    expect((await caller.audit.list({ subjectType: "profile", subjectId: "p-7" })).items.map((i) => i.subjectId)).toEqual(["p-7"]);
    // 23:30 UTC on 10 March is 00:30 on 11 March in Paris
    expect((await caller.audit.list({ from: "2026-03-11", to: "2026-03-11" })).items.map((i) => i.action)).toEqual(["import.run"]);
    expect((await caller.audit.list({ to: "2026-03-10" })).total).toBe(60);
    expect((await caller.audit.list({ from: "2026-03-11" })).total).toBe(2);
    expect((await caller.audit.list({ actor: "lea.journal", from: "2026-03-11" })).items.map((i) => i.action)).toEqual(["account.create"]);
  });

  it("refuses a period that ends before it starts", async () => {
    const { caller } = await callerAs(h.db, "admin");
    const errors = await fieldErrors(caller.audit.list({ from: "2026-03-12", to: "2026-03-11" }));
    expect(errors.to).toEqual(["La date de début doit précéder la date de fin."]);
  });

  it("is refused to advisers (FORBIDDEN)", async () => {
    const { caller } = await callerAs(h.db, "adviser");
    await expect(caller.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
