import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";

const up = async () => [{ "?column?": 1 }];
const down = async () => {
  throw new Error("connect ECONNREFUSED 10.0.0.5:5432 (password authentication failed for user emploi)");
};
const never = () => new Promise<never>(() => {});

function meiliAnswering(status: number, body: unknown): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fake = (async (input: string | URL | Request) => {
    urls.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { fetch: fake, urls };
}

describe("checkHealth", () => {
  it("is ok with the database up and search on the database", async () => {
    expect(await checkHealth({ pingDatabase: up, meiliHost: null })).toEqual({ status: "ok", database: "ok", search: "not configured" });
  });

  it("says the database is unavailable without saying why", async () => {
    const report = await checkHealth({ pingDatabase: down, meiliHost: null });
    expect(report).toEqual({ status: "unavailable", database: "unavailable", search: "not configured" });
    expect(JSON.stringify(report)).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|password/);
  });

  it("gives up on a database that does not answer in time", async () => {
    const report = await checkHealth({ pingDatabase: never, meiliHost: null, databaseTimeoutMs: 20 });
    expect(report.database).toBe("unavailable");
  });

  it("asks Meilisearch's /health when MEILI_HOST is set", async () => {
    const meili = meiliAnswering(200, { status: "available" });
    const report = await checkHealth({ pingDatabase: up, meiliHost: "http://meili:7700", fetch: meili.fetch });
    expect(report).toEqual({ status: "ok", database: "ok", search: "ok" });
    expect(meili.urls).toEqual(["http://meili:7700/health"]);
  });

  it("is degraded (still serving: searches fall back to the database) when Meilisearch fails, errors or does not answer in time", async () => {
    const failing = meiliAnswering(503, { message: "internal" });
    expect(await checkHealth({ pingDatabase: up, meiliHost: "http://meili:7700", fetch: failing.fetch })).toEqual({
      status: "degraded",
      database: "ok",
      search: "unavailable",
    });
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    expect((await checkHealth({ pingDatabase: up, meiliHost: "http://meili:7700", fetch: refused })).search).toBe("unavailable");
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))) as typeof fetch;
    const started = Date.now();
    const report = await checkHealth({ pingDatabase: up, meiliHost: "http://meili:7700", fetch: hanging, searchTimeoutMs: 30 });
    expect(report.search).toBe("unavailable");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
