import { describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { meiliConfigFromEnv, searchEngine } from "./engine";

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
});
