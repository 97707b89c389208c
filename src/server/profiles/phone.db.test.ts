import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerAs } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { makeProfile } from "../testing/factories";
import { httpClient } from "../testing/http";
import { WRONG_PHONE_MESSAGE } from "../../lib/phone";

// The profile's phone number: E.164 in the database, a wrong number refused on its field.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const storedPhone = async (profileId: string) =>
  (await queryRows<{ phone: string | null }>(h.db, sql`select phone from beneficiary_profiles where id = ${profileId}::uuid`))[0]!.phone;

describe("the profile's phone number", () => {
  it("is stored in E.164 however the person types it, and removed when emptied", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    const { profile } = await caller.profile.savePlace({ communeInsee: "41018" });
    let v = await caller.profile.savePhone({ phone: "06 12 34 56 78" });
    expect(v.profile?.phone).toBe("+33612345678");
    expect(await storedPhone(profile!.id)).toBe("+33612345678");
    v = await caller.profile.savePhone({ phone: "0033 7 81 23 45 67" });
    expect(v.profile?.phone).toBe("+33781234567");
    v = await caller.profile.savePhone({ phone: "+262 692 12 34 56" });
    expect(v.profile?.phone).toBe("+262692123456");
    v = await caller.profile.savePhone({ phone: "" });
    expect(v.profile?.phone).toBeNull();
  });

  it("refuses a wrong number on its field, in plain French, and keeps the old one", async () => {
    const { caller } = await callerAs(h.db, "beneficiary");
    const { profile } = await caller.profile.savePlace({ communeInsee: "41018" });
    await caller.profile.savePhone({ phone: "06 12 34 56 78" });
    for (const wrong of ["06 12 34", "appeler le soir", "00 00 00 00 00", "06 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90"]) {
      expect(await fieldErrors(caller.profile.savePhone({ phone: wrong })), wrong).toEqual({ phone: [WRONG_PHONE_MESSAGE] });
    }
    expect(await storedPhone(profile!.id)).toBe("+33612345678");
  });

  it("the browser's request gets the field's message back (HTTP 400)", async () => {
    const { user, caller } = await callerAs(h.db, "beneficiary");
    await caller.profile.savePlace({ communeInsee: "41018" });
    const answer = await httpClient(h.db, user.id).mutation("profile.savePhone", { phone: "06 12" });
    expect(answer.status).toBe(400);
    expect(answer.error?.code).toBe("BAD_REQUEST");
    expect(answer.error?.message).toContain("Ce numéro de téléphone n'existe pas.");
  });

  it("an adviser saves the phone of a person they follow, not of anyone else", async () => {
    const { user: adviser, caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const mine = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois" });
    const v = await caller.profile.savePhone({ phone: "06 98 76 54 32", profileId: mine.id });
    expect(v.profile?.phone).toBe("+33698765432");
    const { user: otherAdviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const notMine = await makeProfile(h.db, "41018", { adviserId: otherAdviser.id, territoryCode: "blois" });
    await expect(caller.profile.savePhone({ phone: "06 98 76 54 32", profileId: notMine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedPhone(notMine.id)).toBeNull();
  });

  it("a beneficiary cannot name someone else's profile", async () => {
    const other = await makeProfile(h.db, "41018");
    const { caller } = await callerAs(h.db, "beneficiary");
    await caller.profile.savePlace({ communeInsee: "41018" });
    await expect(caller.profile.savePhone({ phone: "06 12 34 56 78", profileId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedPhone(other.id)).toBeNull();
  });
});
