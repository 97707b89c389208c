import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyProcedure } from "@trpc/server";
import type { DatabaseHandle } from "../db/client";
import { ROLES, type Role } from "../auth/schema";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import type { Meta } from "../trpc/init";
import { appRouter } from "./root";

// Walks every procedure of the root router: each must declare who may call it, and every
// caller outside that list (anonymous, or any other role) must be refused before its input
// is even read. A procedure added later without a guard fails here.

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map(([path, proc]) => ({
  path,
  meta: (proc._def as { meta?: Meta }).meta,
  type: proc._def.type,
}));

let h: DatabaseHandle;
const usersByRole = new Map<Role, string>();
beforeAll(async () => {
  h = await openTestDatabase();
  for (const role of ROLES) usersByRole.set(role, (await makeUser(h.db, role, { territoryCode: "blois" })).id);
});
afterAll(async () => {
  await h?.close();
});

async function call(userId: string | null, path: string) {
  const caller = (await callerFor(h.db, userId)) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  // No input on purpose: a guard must refuse before validation would.
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

describe("every procedure states who may call it", () => {
  it("the router has procedures", () => {
    expect(procedures.length).toBeGreaterThan(10);
  });

  it.each(procedures.map((p) => [p.path, p.meta]))("%s declares its access", (_path, meta) => {
    expect(meta?.access).toBeDefined();
  });
});

describe("callers outside the list are refused", () => {
  const guarded = procedures.filter((p) => p.meta && p.meta.access !== "public");

  it.each(guarded.map((p) => [p.path]))("%s refuses anonymous callers", async (path) => {
    await expect(call(null, path)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  const wrongRoleCases = guarded.flatMap((p) =>
    Array.isArray(p.meta!.access)
      ? ROLES.filter((r) => !(p.meta!.access as readonly Role[]).includes(r)).map((role) => [p.path, role] as const)
      : [],
  );
  it.each(wrongRoleCases)("%s refuses the role %s", async (path, role) => {
    await expect(call(usersByRole.get(role)!, path)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  const allowedCases = guarded.flatMap((p) =>
    Array.isArray(p.meta!.access) ? (p.meta!.access as readonly Role[]).map((role) => [p.path, role] as const) : [],
  );
  it.each(allowedCases)("%s lets the role %s through to input validation", async (path, role) => {
    // Allowed callers get past the guard: without input they meet validation, or succeed.
    const outcome = await call(usersByRole.get(role)!, path).then(
      () => "ok",
      (err: { code?: string }) => err.code,
    );
    expect(["ok", "BAD_REQUEST"]).toContain(outcome);
  });
});
