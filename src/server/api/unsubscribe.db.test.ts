import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { notificationPreferences } from "../notifications/schema";
import { unsubscribeToken } from "../notifications/email";
import { preferencesFor } from "../notifications/preferences";
import { openTestDatabase } from "../testing/db";
import { makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";
import { handleUnsubscribe, INVALID_TOKEN_MESSAGE } from "./unsubscribe";

// POST /api/desabonnement?jeton=… as an outsider sends it (no session): a mail program's RFC 8058
// one-click request, or the page's form. Only a token made here for that person and category works.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const post = (token: string, body: string, type = "application/x-www-form-urlencoded") =>
  handleUnsubscribe(
    h.db,
    new Request(`http://localhost:3000/api/desabonnement?jeton=${encodeURIComponent(token)}`, { method: "POST", headers: { "content-type": type }, body }),
  );

async function person() {
  const user = await makeUser(h.db, "beneficiary");
  await makeProfile(h.db, "41018", { userId: user.id, phone: "+33612345678" });
  return user;
}
const storedRows = async (userId: string) => h.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));

describe("one-click unsubscribe", () => {
  it("a real token stops that category's e-mails and SMS (push and the app stay), answers 200", async () => {
    const u = await person();
    const res = await post(unsubscribeToken(u.id, "contact_request"), "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("C'est fait");
    expect((await preferencesFor(h.db, [u.id], "contact_request")).get(u.id)).toMatchObject({ channels: ["push"], frequency: "immediately" });
    // other categories untouched
    expect((await storedRows(u.id)).map((r) => r.category)).toEqual(["contact_request"]);
    // again: still 200, still stopped
    expect((await post(unsubscribeToken(u.id, "contact_request"), "List-Unsubscribe=One-Click")).status).toBe(200);
  });

  it("a forged, altered, truncated or other person's token changes nothing, with a plain French message", async () => {
    const u = await person();
    const real = unsubscribeToken(u.id, "proposal");
    const [payload, sig] = real.split(".");
    const otherPayload = Buffer.from(`${u.id}.contact_request`).toString("base64url");
    const forged = [
      `${otherPayload}.${sig}`, // the signature of another category
      `${payload}.${sig!.slice(0, -2)}${sig!.endsWith("AA") ? "BB" : "AA"}`, // a changed signature
      real.slice(0, -5), // cut
      `${payload}`, // no signature
      `${Buffer.from(`${u.id}.proposal`).toString("base64url")}.${Buffer.from("x".repeat(32)).toString("base64url")}`,
      "",
    ];
    for (const token of forged) {
      const res = await post(token, "List-Unsubscribe=One-Click");
      expect(res.status).toBe(400);
      expect(await res.text()).toBe(INVALID_TOKEN_MESSAGE);
    }
    expect(await storedRows(u.id)).toEqual([]);
  });

  it("without the one-click body, or with GET, nothing happens", async () => {
    const u = await person();
    const token = unsubscribeToken(u.id, "proposal");
    expect((await post(token, "")).status).toBe(400);
    expect((await post(token, "List-Unsubscribe=Yes")).status).toBe(400);
    const get = await handleUnsubscribe(h.db, new Request(`http://localhost:3000/api/desabonnement?jeton=${encodeURIComponent(token)}`));
    expect(get.status).toBe(405);
    expect(await storedRows(u.id)).toEqual([]);
  });

  it("multipart bodies (some mail programs) work too", async () => {
    const u = await person();
    const body = new FormData();
    body.set("List-Unsubscribe", "One-Click");
    const res = await handleUnsubscribe(
      h.db,
      new Request(`http://localhost:3000/api/desabonnement?jeton=${encodeURIComponent(unsubscribeToken(u.id, "application_update"))}`, { method: "POST", body }),
    );
    expect(res.status).toBe(200);
    expect((await preferencesFor(h.db, [u.id], "application_update")).get(u.id)!.channels).toEqual(["push"]);
  });

  it("the page's form goes back to the page (303), saying it is done; a forged one says the link is wrong", async () => {
    const u = await person();
    const token = unsubscribeToken(u.id, "job_alert");
    const res = await post(token, "List-Unsubscribe=One-Click&depuis=page");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/desabonnement?jeton=${encodeURIComponent(token)}&etat=fait`);
    expect((await preferencesFor(h.db, [u.id], "job_alert")).get(u.id)!.channels).toEqual([]);
    const bad = await post(`${token}x`, "List-Unsubscribe=One-Click&depuis=page");
    expect(bad.headers.get("location")).toContain("etat=invalide");
  });

  it("the account's own messages cannot be stopped", async () => {
    const u = await person();
    const res = await post(unsubscribeToken(u.id, "account"), "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await storedRows(u.id)).toEqual([]);
  });
});
