import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { callerFor, callerInSession, makeUser, sessionFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { createContext } from "../api/context";
import { issueAccessCode } from "./accounts";
import { userSessions, users } from "./schema";
import { LAST_SEEN_WRITE_SECONDS, revokeSession, sessionState, STAFF_IDLE_MINUTES, STAFF_SESSION_HOURS } from "./sessions";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const IP = "198.51.100.30";
const ago = (ms: number) => new Date(Date.now() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

async function contextOf(identity: { userId: string; sessionId: string }) {
  return createContext(h.db, identity, IP);
}
async function setTimes(sessionId: string, times: { createdAt?: Date; lastSeenAt?: Date }) {
  await h.db.update(userSessions).set(times).where(eq(userSessions.id, sessionId));
}

describe("a session is checked on every request", () => {
  it("an open session signs the person in; once revoked (signing out) it is the same as no session", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const s = (await sessionFor(h.db, user.id))!;
    expect((await contextOf(s)).user?.id).toBe(user.id);
    await revokeSession(h.db, s.sessionId);
    const after = await contextOf(s);
    expect(after.user).toBeNull();
    expect(after.sessionEnded).toBe(true);
    await expect((await callerInSession(h.db, s)).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a cookie without a session id, or another account's session id, signs nobody in", async () => {
    const a = await makeUser(h.db, "employer");
    const b = await makeUser(h.db, "employer");
    const sa = (await sessionFor(h.db, a.id))!;
    expect((await createContext(h.db, { userId: b.id, sessionId: sa.sessionId }, IP)).user).toBeNull();
    expect((await createContext(h.db, { userId: a.id, sessionId: "" }, IP)).user).toBeNull();
    expect((await createContext(h.db, { userId: a.id, sessionId: "00000000-0000-4000-8000-000000000000" }, IP)).user).toBeNull();
  });

  it("a disabled account's sessions stop at once", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const s = (await sessionFor(h.db, user.id))!;
    await h.db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    expect((await contextOf(s)).user).toBeNull();
  });
});

describe("se déconnecter partout", () => {
  it("ends every session of the caller's account, and only theirs", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const other = await makeUser(h.db, "beneficiary");
    const phone = (await sessionFor(h.db, user.id))!;
    const library = (await sessionFor(h.db, user.id))!;
    const someoneElse = (await sessionFor(h.db, other.id))!;
    expect(await (await callerInSession(h.db, phone)).auth.signOutEverywhere()).toEqual({ ended: 2 });
    expect((await contextOf(phone)).user).toBeNull();
    expect((await contextOf(library)).user).toBeNull();
    expect((await contextOf(someoneElse)).user?.id).toBe(other.id);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit.map((a) => a.action)).toContain("account.sessions_revoked");
    // and a new sign-in works again
    expect((await contextOf((await sessionFor(h.db, user.id))!)).user?.id).toBe(user.id);
  });

  it("anonymous callers are refused", async () => {
    await expect((await callerFor(h.db, null)).auth.signOutEverywhere()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("a new password ends every session", () => {
  it("a forgotten password's code used on the activation page signs out every browser", async () => {
    const user = await makeUser(h.db, "beneficiary", { email: "session.oubli@exemple.fr" });
    const before = (await sessionFor(h.db, user.id))!;
    const { code } = await issueAccessCode(h.db, user.id, HOUR);
    await (await callerFor(h.db, null)).auth.activate({ code, email: "session.oubli@exemple.fr", password: "Verger-Nouveau-2026" });
    expect((await contextOf(before)).user).toBeNull();
  });
});

describe("advisers' and admins' sessions are short", () => {
  it.each(["adviser", "admin"] as const)("a %s's session ends 8 hours after sign-in, even when active", async (role) => {
    const user = await makeUser(h.db, role);
    const s = (await sessionFor(h.db, user.id))!;
    await setTimes(s.sessionId, { createdAt: ago(STAFF_SESSION_HOURS * HOUR - 5 * MIN), lastSeenAt: ago(MIN) });
    expect((await contextOf(s)).user?.id).toBe(user.id);
    await setTimes(s.sessionId, { createdAt: ago(STAFF_SESSION_HOURS * HOUR + MIN), lastSeenAt: ago(MIN) });
    expect((await contextOf(s)).user).toBeNull();
  });

  it.each(["adviser", "admin"] as const)("a %s's session ends after an hour without a request", async (role) => {
    const user = await makeUser(h.db, role);
    const s = (await sessionFor(h.db, user.id))!;
    await setTimes(s.sessionId, { createdAt: ago(2 * HOUR), lastSeenAt: ago(STAFF_IDLE_MINUTES * MIN - 2 * MIN) });
    expect((await contextOf(s)).user?.id).toBe(user.id);
    // that request counted as activity: the hour starts again
    const [row] = await h.db.select().from(userSessions).where(eq(userSessions.id, s.sessionId));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(5 * MIN);
    await setTimes(s.sessionId, { lastSeenAt: ago(STAFF_IDLE_MINUTES * MIN + MIN) });
    const ctx = await contextOf(s);
    expect(ctx.user).toBeNull();
    expect(ctx.sessionEnded).toBe(true);
  });

  it("a beneficiary's or employer's session is not cut after an idle hour or 8 hours, but after 30 days", async () => {
    for (const role of ["beneficiary", "employer"] as const) {
      const user = await makeUser(h.db, role);
      const s = (await sessionFor(h.db, user.id))!;
      await setTimes(s.sessionId, { createdAt: ago(3 * 24 * HOUR), lastSeenAt: ago(2 * 24 * HOUR) });
      expect((await contextOf(s)).user?.id).toBe(user.id);
      await setTimes(s.sessionId, { createdAt: ago(31 * 24 * HOUR) });
      expect((await contextOf(s)).user).toBeNull();
    }
  });

  it("last activity is written at most once a minute", async () => {
    const user = await makeUser(h.db, "adviser");
    const s = (await sessionFor(h.db, user.id))!;
    const recent = ago((LAST_SEEN_WRITE_SECONDS - 20) * 1000);
    await setTimes(s.sessionId, { lastSeenAt: recent });
    await contextOf(s);
    const [row] = await h.db.select().from(userSessions).where(eq(userSessions.id, s.sessionId));
    expect(row!.lastSeenAt.getTime()).toBe(recent.getTime());
  });

  it("sessionState: the rules as a pure function", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const at = (h: number) => new Date(now.getTime() - h * HOUR);
    expect(sessionState({ createdAt: at(1), lastSeenAt: at(0), revokedAt: at(0.5) }, "beneficiary", now)).toBe("revoked");
    expect(sessionState({ createdAt: at(7.9), lastSeenAt: at(0.9), revokedAt: null }, "adviser", now)).toBe("active");
    expect(sessionState({ createdAt: at(8.1), lastSeenAt: at(0), revokedAt: null }, "admin", now)).toBe("expired");
    expect(sessionState({ createdAt: at(2), lastSeenAt: at(1.1), revokedAt: null }, "adviser", now)).toBe("expired");
    expect(sessionState({ createdAt: at(700), lastSeenAt: at(600), revokedAt: null }, "training_org", now)).toBe("active");
  });
});
