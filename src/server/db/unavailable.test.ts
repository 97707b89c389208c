import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleTrpcRequest, databaseForRequest, SERVICE_UNAVAILABLE_MESSAGE } from "../api/http";
import { createContext } from "../api/context";
import { databaseIfAvailable, getDatabase } from "./index";

// A wrong DATABASE_URL when the app starts (issue 15, item 13): nothing crashes, the health
// check answers 503 (as README documents) and the API 503 in French. The pages' side (the
// layout shows "Service momentanément indisponible") is checked on a real server by
// e2e/database-down.spec.ts.

const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
const globalForDb = globalThis as unknown as { __emploiDb?: unknown };

beforeEach(() => {
  globalForDb.__emploiDb = undefined;
});
afterEach(() => {
  globalForDb.__emploiDb = undefined;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
  if (saved.dir === undefined) delete process.env.PGLITE_DIR;
  else process.env.PGLITE_DIR = saved.dir;
});

describe.each([
  ["a PostgreSQL server that does not answer", "postgres://nobody@127.0.0.1:1/nothing"],
  ["an address that is not PostgreSQL's", "mysql://nobody@127.0.0.1/nothing"],
])("with %s", (_label, url) => {
  it("the database is reported unavailable, and tried again on the next call", async () => {
    process.env.DATABASE_URL = url;
    await expect(getDatabase()).rejects.toThrow();
    expect(await databaseIfAvailable()).toBeNull();
    // a failure is not remembered: the next request tries again
    expect(globalForDb.__emploiDb).toBeUndefined();
  });

  it("/api/health answers 503 without naming the cause", async () => {
    process.env.DATABASE_URL = url;
    const { GET } = await import("../../app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "unavailable", database: "unavailable", search: "not configured" });
  });

  // The signed-in downloads (/api/mes-donnees, /api/cv, /api/lettre, /api/admin/stats) import
  // Auth.js, which needs Next's runtime: e2e/database-down.spec.ts checks /api/mes-donnees.
  it.each([
    ["/api/statistiques", () => import("../../app/api/statistiques/route").then((m) => m.GET(new Request("http://localhost/api/statistiques?table=counts")))],
  ])("%s answers 503 in French", async (_path, call) => {
    process.env.DATABASE_URL = url;
    const res = await call();
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: SERVICE_UNAVAILABLE_MESSAGE });
  });

  it("the tRPC endpoint answers 503 in French, with no-store", async () => {
    process.env.DATABASE_URL = url;
    const res = await handleTrpcRequest(new Request("http://localhost/api/trpc/auth.me"), async () =>
      createContext(await databaseForRequest(databaseIfAvailable), null, "198.51.100.7"),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = JSON.stringify(await res.json());
    expect(body).toContain(SERVICE_UNAVAILABLE_MESSAGE);
    expect(body).not.toContain("127.0.0.1");
  });
});
