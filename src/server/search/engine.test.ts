import { describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { meiliConfigFromEnv, searchEngine, withFallback } from "./engine";
import type { SearchEngine, SearchResult } from "./types";

function fakeEngine(name: SearchEngine["name"], fail: boolean): SearchEngine & { calls: string[] } {
  const calls: string[] = [];
  const answer = async <H>(what: string): Promise<SearchResult<H>> => {
    calls.push(what);
    if (fail) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
    return { hits: [], total: 0, facets: { domain: {} }, engine: name };
  };
  return {
    name,
    calls,
    searchOffers: () => answer("offers"),
    searchFormations: () => answer("formations"),
    searchProfiles: () => answer("profiles"),
    sync: async () => {
      calls.push("sync");
      if (fail) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
    },
    reindex: async () => {
      calls.push("reindex");
      if (fail) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
      return { documents: 0 };
    },
  };
}

describe("searchEngine", () => {
  it("is PostgreSQL without MEILI_HOST", async () => {
    const engine = await searchEngine({} as Database, {});
    expect(engine.name).toBe("postgres");
    expect(meiliConfigFromEnv({ MEILI_HOST: "  " })).toBeNull();
  });

  it("reads the Meilisearch settings from the environment", () => {
    expect(meiliConfigFromEnv({ MEILI_HOST: "http://127.0.0.1:7700", MEILI_API_KEY: "k", MEILI_INDEX_PREFIX: "emploi41_" })).toEqual({
      host: "http://127.0.0.1:7700",
      apiKey: "k",
      prefix: "emploi41_",
    });
    expect(meiliConfigFromEnv({ MEILI_HOST: "http://meili:7700" })).toEqual({ host: "http://meili:7700", apiKey: undefined, prefix: undefined });
  });

  it("answers searches from PostgreSQL when Meilisearch fails, but never hides a failed write", async () => {
    const meili = fakeEngine("meilisearch", true);
    const postgres = fakeEngine("postgres", false);
    const logged: string[] = [];
    const engine = withFallback(meili, postgres, (m) => logged.push(m));
    expect((await engine.searchOffers({ text: "cariste" })).engine).toBe("postgres");
    expect((await engine.searchProfiles({ text: "martin" }, { all: true })).engine).toBe("postgres");
    expect(meili.calls).toEqual(["offers", "profiles"]);
    expect(logged[0]).toMatch(/meilisearch indisponible.*ECONNREFUSED/);
    await expect(engine.sync("offers", ["x"])).rejects.toThrow(/ECONNREFUSED/);
    await expect(engine.reindex("offers")).rejects.toThrow(/ECONNREFUSED/);
    expect(postgres.calls).toEqual(["offers", "profiles"]);
  });

  it("uses Meilisearch's answer when it works", async () => {
    const engine = withFallback(fakeEngine("meilisearch", false), fakeEngine("postgres", false));
    expect((await engine.searchFormations({ text: "caces" })).engine).toBe("meilisearch");
  });
});
