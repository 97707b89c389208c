import { randomBytes, createECDH } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { generateVapidKeys } from "./push";
import { MAX_DEVICES_PER_PERSON } from "./push-subscriptions";
import { pushSubscriptions } from "./schema";

// The notifications router's web-push procedures: any signed-in person, their own browsers only.

let h: DatabaseHandle;
const saved = { ...process.env };
const vapid = generateVapidKeys();
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  for (const k of ["WEB_PUSH_PUBLIC_KEY", "WEB_PUSH_PRIVATE_KEY", "WEB_PUSH_SUBJECT"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
const configure = () => Object.assign(process.env, { WEB_PUSH_PUBLIC_KEY: vapid.publicKey, WEB_PUSH_PRIVATE_KEY: vapid.privateKey, WEB_PUSH_SUBJECT: "mailto:ops@example.fr" });

function browser() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.net/send/${randomBytes(12).toString("hex")}`,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
  };
}

const devicesOf = async (userId: string) => (await h.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId))).map((s) => s.endpoint);

describe("web-push procedures", () => {
  it("gives the public key, or null when web push is not configured", async () => {
    const me = await callerFor(h.db, (await makeUser(h.db, "employer")).id);
    delete process.env.WEB_PUSH_PUBLIC_KEY;
    expect(await me.notifications.pushKey()).toEqual({ publicKey: null });
    configure();
    expect(await me.notifications.pushKey()).toEqual({ publicKey: vapid.publicKey });
  });

  it("refuses to subscribe while web push is not configured", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const me = await callerFor(h.db, user.id);
    await expect(me.notifications.subscribe(browser())).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await devicesOf(user.id)).toEqual([]);
  });

  it("subscribes and unsubscribes the caller's own browsers only", async () => {
    configure();
    const amina = await makeUser(h.db, "beneficiary");
    const other = await makeUser(h.db, "adviser");
    const phone = browser();
    await (await callerFor(h.db, amina.id)).notifications.subscribe(phone);
    await (await callerFor(h.db, amina.id)).notifications.subscribe(phone); // twice: one row
    expect(await devicesOf(amina.id)).toEqual([phone.endpoint]);

    // someone else cannot remove it
    expect(await (await callerFor(h.db, other.id)).notifications.unsubscribe({ endpoint: phone.endpoint })).toEqual({ ok: false });
    expect(await devicesOf(amina.id)).toEqual([phone.endpoint]);

    expect(await (await callerFor(h.db, amina.id)).notifications.unsubscribe({ endpoint: phone.endpoint })).toEqual({ ok: true });
    expect(await devicesOf(amina.id)).toEqual([]);
  });

  it("moves a shared phone's subscription to whoever turned notifications on last", async () => {
    configure();
    const first = await makeUser(h.db, "beneficiary");
    const second = await makeUser(h.db, "beneficiary");
    const shared = browser();
    await (await callerFor(h.db, first.id)).notifications.subscribe(shared);
    await (await callerFor(h.db, second.id)).notifications.subscribe(shared);
    expect(await devicesOf(first.id)).toEqual([]);
    expect(await devicesOf(second.id)).toEqual([shared.endpoint]);
  });

  it("refuses malformed subscriptions field by field", async () => {
    configure();
    const user = await makeUser(h.db, "beneficiary");
    const me = await callerFor(h.db, user.id);
    const good = browser();
    for (const bad of [
      { ...good, endpoint: "http://push.example.net/x" },
      { ...good, endpoint: "pas une adresse" },
      { ...good, keys: { ...good.keys, p256dh: "abc" } },
      { ...good, keys: { ...good.keys, auth: randomBytes(8).toString("base64url") } },
    ]) {
      await expect(me.notifications.subscribe(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await devicesOf(user.id)).toEqual([]);
  });

  it(`keeps the ${MAX_DEVICES_PER_PERSON} latest devices of a person`, async () => {
    configure();
    const user = await makeUser(h.db, "beneficiary");
    const me = await callerFor(h.db, user.id);
    const all = Array.from({ length: MAX_DEVICES_PER_PERSON + 2 }, browser);
    for (const b of all) await me.notifications.subscribe(b);
    const kept = await devicesOf(user.id);
    expect(kept).toHaveLength(MAX_DEVICES_PER_PERSON);
    expect(kept).toContain(all.at(-1)!.endpoint);
  });
});
