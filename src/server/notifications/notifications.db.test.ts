import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { notifications } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function notify(userId: string, title: string, createdAt: Date, readAt: Date | null = null) {
  const [n] = await h.db.insert(notifications).values({ userId, kind: "check_in_due", title, body: "corps", link: "/conseiller/suivi", createdAt, readAt }).returning();
  return n!;
}

describe("in-app notifications", () => {
  it("lists a user's own notifications, unread first then newest, with the unread count", async () => {
    const me = await makeUser(h.db, "adviser");
    const other = await makeUser(h.db, "adviser");
    await notify(me.id, "ancienne lue", new Date("2027-01-01T10:00:00Z"), new Date("2027-01-02T10:00:00Z"));
    await notify(me.id, "récente lue", new Date("2027-02-20T10:00:00Z"), new Date("2027-02-21T10:00:00Z"));
    await notify(me.id, "ancienne non lue", new Date("2027-01-05T10:00:00Z"));
    await notify(me.id, "récente non lue", new Date("2027-02-25T10:00:00Z"));
    await notify(other.id, "pas à moi", new Date("2027-02-26T10:00:00Z"));

    const mine = await (await callerFor(h.db, me.id)).notifications.mine();
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => n.title)).toEqual(["récente non lue", "ancienne non lue", "récente lue", "ancienne lue"]);
    expect(mine.items[0]).toMatchObject({ link: "/conseiller/suivi", body: "corps", readAt: null });
  });

  it("keeps only the latest 50", async () => {
    const me = await makeUser(h.db, "employer");
    for (let i = 0; i < 55; i++) await notify(me.id, `n${i}`, new Date(Date.UTC(2027, 0, 1, 0, i)));
    const mine = await (await callerFor(h.db, me.id)).notifications.mine();
    expect(mine.items).toHaveLength(50);
    expect(mine.unread).toBe(55);
    expect(mine.items[0]!.title).toBe("n54");
  });

  it("marks one or all read, and never another user's", async () => {
    const me = await makeUser(h.db, "adviser");
    const other = await makeUser(h.db, "adviser");
    const a = await notify(me.id, "a", new Date("2027-02-01T10:00:00Z"));
    await notify(me.id, "b", new Date("2027-02-02T10:00:00Z"));
    const theirs = await notify(other.id, "c", new Date("2027-02-03T10:00:00Z"));
    const mineCaller = await callerFor(h.db, me.id);

    // someone else's notification: not found, left unread
    await expect(mineCaller.notifications.markRead({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Notification introuvable." });
    const [still] = await h.db.select().from(notifications).where(eq(notifications.id, theirs.id));
    expect(still!.readAt).toBeNull();
    await expect(mineCaller.notifications.markRead({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mineCaller.notifications.markRead({ id: "pas-un-id" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await mineCaller.notifications.markRead({ id: a.id });
    expect((await mineCaller.notifications.mine()).unread).toBe(1);

    await mineCaller.notifications.markRead({ all: true });
    expect((await mineCaller.notifications.mine()).unread).toBe(0);
    // "all" is only all of mine
    const theirsNow = await (await callerFor(h.db, other.id)).notifications.mine();
    expect(theirsNow.unread).toBe(1);
    expect(theirsNow.items.map((n) => n.title)).toEqual(["c"]);
  });

  it("refuses anonymous callers", async () => {
    const anon = await callerFor(h.db, null);
    await expect(anon.notifications.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.notifications.markRead({ all: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
