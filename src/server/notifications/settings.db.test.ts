import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { makeProfile } from "../testing/factories";
import { categoriesFor } from "./categories";
import { preferencesFor } from "./preferences";

// "Mes messages": each persona reads and changes only its own categories.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function beneficiary(phone: string | null) {
  const user = await makeUser(h.db, "beneficiary");
  await makeProfile(h.db, "41018", { userId: user.id, phone });
  return { user, caller: await callerFor(h.db, user.id) };
}

describe("notifications.preferences and savePreference", () => {
  it("a beneficiary sees their categories with the defaults, SMS offered only with a phone", async () => {
    const withPhone = await beneficiary("+33612345678");
    const s = await withPhone.caller.notifications.preferences();
    expect(s.categories.map((c) => c.category)).toEqual(categoriesFor("beneficiary"));
    expect(s.hasPhone).toBe(true);
    expect(s.categories.find((c) => c.category === "contact_request")).toMatchObject({ channels: ["email", "sms", "push"], offered: ["email", "sms", "push"], frequency: "immediately" });
    expect(s.categories.find((c) => c.category === "account")).toMatchObject({ required: true, channels: ["email"] });

    const without = await beneficiary(null);
    const t = await without.caller.notifications.preferences();
    expect(t.hasPhone).toBe(false);
    expect(t.categories.every((c) => !c.offered.includes("sms"))).toBe(true);
    expect(
      await fieldErrors(without.caller.notifications.savePreference({ category: "contact_request", channels: ["email", "sms"], frequency: "immediately" })),
    ).toEqual({ channels: ["Pour recevoir des SMS, ajoutez d'abord votre numéro de téléphone à votre CV."] });
  });

  it("a change is saved and read back; the alerts' frequency too", async () => {
    const p = await beneficiary("+33612345678");
    await p.caller.notifications.savePreference({ category: "job_alert", channels: ["email", "push"], frequency: "daily" });
    await p.caller.notifications.savePreference({ category: "contact_request", channels: ["sms"], frequency: "immediately" });
    const s = await p.caller.notifications.preferences();
    expect(s.categories.find((c) => c.category === "job_alert")).toMatchObject({ channels: ["email", "push"], frequency: "daily" });
    expect((await preferencesFor(h.db, [p.user.id], "contact_request")).get(p.user.id)).toMatchObject({ channels: ["sms"] });
  });

  it("required categories keep their e-mail, and send at once", async () => {
    const p = await beneficiary(null);
    expect(await fieldErrors(p.caller.notifications.savePreference({ category: "account", channels: [], frequency: "immediately" }))).toEqual({
      channels: ["Ces messages protègent votre compte : l'e-mail ne peut pas être retiré."],
    });
    expect(await fieldErrors(p.caller.notifications.savePreference({ category: "account", channels: ["email"], frequency: "never" }))).toEqual({
      frequency: ["Ces messages partent toujours tout de suite."],
    });
  });

  it("nobody changes another persona's categories, nor a channel the category does not allow", async () => {
    const p = await beneficiary(null);
    expect(await fieldErrors(p.caller.notifications.savePreference({ category: "new_application", channels: [], frequency: "never" }))).toEqual({
      category: ["Ces messages ne concernent pas votre compte."],
    });
    const employer = await callerFor(h.db, (await makeUser(h.db, "employer")).id);
    expect(await fieldErrors(employer.notifications.savePreference({ category: "contact_request", channels: [], frequency: "never" }))).toEqual({
      category: ["Ces messages ne concernent pas votre compte."],
    });
    expect(await fieldErrors(employer.notifications.savePreference({ category: "hire_check_in", channels: ["push"], frequency: "immediately" }))).toEqual({
      channels: ["Ce moyen n'est pas proposé pour ces messages."],
    });
    // an adviser and an admin see the advisers' categories
    const admin = await callerFor(h.db, (await makeUser(h.db, "admin")).id);
    expect((await admin.notifications.preferences()).categories.map((c) => c.category)).toEqual(categoriesFor("adviser"));
    await expect(admin.notifications.savePreference({ category: "nope" as never, channels: [], frequency: "never" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
