import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeUser, sessionFor } from "../testing/callers";
import { createContext } from "./context";
import { batchSize, handleTrpcRequest, MAX_BATCH_SIZE } from "./http";

// The /api/trpc endpoint over real Requests and Responses (the route only adds the Auth.js
// session): what a browser, a proxy or a hostile client sees.

let h: DatabaseHandle;
let userId: string;
let contextsBuilt = 0;
beforeAll(async () => {
  h = await openTestDatabase();
  userId = (await makeUser(h.db, "beneficiary", { firstName: "Nadia" })).id;
});
afterAll(async () => {
  await h?.close();
});

const BASE = "http://localhost:3000/api/trpc";

function send(url: string, as: string | null, init?: RequestInit) {
  return handleTrpcRequest(new Request(url, init), async () => {
    contextsBuilt++;
    return createContext(h.db, await sessionFor(h.db, as), "198.51.100.7");
  });
}

const batchUrl = (paths: string[]) =>
  `${BASE}/${paths.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, {}]))))}`;

describe("answers are never stored", () => {
  it("a signed-in caller's personal answer carries Cache-Control: no-store", async () => {
    const res = await send(`${BASE}/auth.me`, userId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(JSON.stringify(await res.json())).toContain("Nadia");
  });

  it("so do batches, refusals and anonymous answers", async () => {
    const batch = await send(batchUrl(["auth.me", "notifications.mine"]), userId);
    expect(batch.status).toBe(200);
    expect(batch.headers.get("cache-control")).toBe("no-store");
    const refused = await send(`${BASE}/auth.me`, null);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const unknown = await send(`${BASE}/nothing.here`, userId);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const mutation = await send(`${BASE}/notifications.markRead`, userId, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { id: "x" } }),
    });
    expect(mutation.headers.get("cache-control")).toBe("no-store");
  });
});

describe("a batch holds at most MAX_BATCH_SIZE calls", () => {
  it("counts the calls of a batch, and a plain call as one", () => {
    expect(batchSize(new URL(`${BASE}/a,b,c?batch=1`))).toBe(3);
    expect(batchSize(new URL(`${BASE}/a,b,c/?batch=1`))).toBe(3);
    expect(batchSize(new URL(`${BASE}/auth.me`))).toBe(1);
  });

  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const res = await send(batchUrl(Array.from({ length: MAX_BATCH_SIZE }, () => "auth.me")), userId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(MAX_BATCH_SIZE);
  });

  it.each([
    ["GET", MAX_BATCH_SIZE + 1],
    ["GET", 500],
    ["POST", MAX_BATCH_SIZE + 1],
  ])("refuses a %s batch of %i calls with 413 and a French message, before building any context", async (method, n) => {
    const before = contextsBuilt;
    const paths = Array.from({ length: n }, () => "auth.me");
    const res =
      method === "GET"
        ? await send(batchUrl(paths), userId)
        : await send(`${BASE}/${paths.join(",")}?batch=1`, userId, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, {}]))),
          });
    expect(res.status).toBe(413);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe(`Trop d'appels dans une seule requête (${n}) : ${MAX_BATCH_SIZE} au plus.`);
    expect(contextsBuilt).toBe(before);
  });
});
