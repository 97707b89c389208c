import { describe, expect, it } from "vitest";
import { isReindexTarget, kindsOf, reindexSearch } from "../server/search/reindex";
import type { SearchKind } from "../server/search/types";
import { UsageError } from "./args";
import { checkSearchArgs } from "./search-command";

describe("search command arguments", () => {
  it("reindex takes a kind or all (default all)", () => {
    expect(checkSearchArgs("reindex", undefined)).toEqual({ action: "reindex", target: "all" });
    expect(checkSearchArgs("reindex", "offers")).toEqual({ action: "reindex", target: "offers" });
    expect(checkSearchArgs("reindex", "profiles")).toEqual({ action: "reindex", target: "profiles" });
    expect(() => checkSearchArgs("reindex", "offres")).toThrow(/offers, formations, profiles ou all \(reçu : offres\)/);
  });

  it("status and drain take no argument; anything else is a usage error", () => {
    expect(checkSearchArgs("status", undefined)).toEqual({ action: "status", target: "all" });
    expect(checkSearchArgs("drain", undefined).action).toBe("drain");
    expect(() => checkSearchArgs("status", "offers")).toThrow(UsageError);
    expect(() => checkSearchArgs(undefined, undefined)).toThrow(/reindex, status ou drain/);
    expect(() => checkSearchArgs("rebuild", undefined)).toThrow(UsageError);
  });

  it("targets", () => {
    expect(isReindexTarget("all")).toBe(true);
    expect(isReindexTarget("users")).toBe(false);
    expect(kindsOf("all")).toEqual(["offers", "formations", "profiles"]);
    expect(kindsOf("formations")).toEqual(["formations"]);
  });
});

describe("reindexSearch", () => {
  it("rebuilds each kind in turn and reports sizes and timings", async () => {
    const done: SearchKind[] = [];
    const engine = {
      name: "meilisearch" as const,
      async reindex(kind: SearchKind) {
        done.push(kind);
        return { documents: kind.length };
      },
    };
    let t = 0;
    const lines: string[] = [];
    const report = await reindexSearch(engine, "all", (l) => lines.push(l), () => (t += 5));
    expect(done).toEqual(["offers", "formations", "profiles"]);
    expect(report).toEqual([
      { kind: "offers", documents: 6, ms: 5 },
      { kind: "formations", documents: 10, ms: 5 },
      { kind: "profiles", documents: 8, ms: 5 },
    ]);
    expect(lines[0]).toBe("offers : 6 document(s) indexé(s) (meilisearch, 5 ms).");
  });

  it("stops at the first kind that fails (the others keep their live index)", async () => {
    const engine = {
      name: "meilisearch" as const,
      async reindex(kind: SearchKind) {
        if (kind === "formations") throw new Error("Meilisearch injoignable");
        return { documents: 1 };
      },
    };
    await expect(reindexSearch(engine, "all")).rejects.toThrow("Meilisearch injoignable");
  });
});
