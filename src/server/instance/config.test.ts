import { describe, expect, it } from "vitest";
import { instanceConfigSchema, loadInstanceConfig } from "./config";
import { resolveTerritories } from "./territories";

describe("the Loir-et-Cher instance", () => {
  const config = loadInstanceConfig("loir-et-cher");

  it("has its five territories", () => {
    expect(config.territories.map((t) => t.name)).toEqual(["Blois", "Vendôme", "Romorantin", "Nord-Loire", "Sud-Loire"]);
  });

  it("puts each of the 267 communes of Loir-et-Cher in exactly one territory", () => {
    const resolved = resolveTerritories(config);
    const all = [...resolved.values()].flat();
    expect(all).toHaveLength(267);
    expect(new Set(all).size).toBe(267);
    expect(resolved.get("blois")).toContain("41018");
    expect(resolved.get("vendome")).toContain("41269");
    expect(resolved.get("romorantin")).toContain("41194");
  });

  it("refuses a configuration where a commune belongs to two territories or to none", () => {
    const twice = { ...config, territories: [...config.territories, { code: "bis", name: "Bis", communes: ["41018"] }] };
    expect(() => resolveTerritories(twice)).toThrow(/deux territoires/);
    const missing = { ...config, territories: config.territories.slice(1) };
    expect(() => resolveTerritories(missing)).toThrow(/sans territoire/);
  });

  it("refuses an invalid configuration with the field at fault", () => {
    const r = instanceConfigSchema.safeParse({ ...config, branding: { ...config.branding, primaryColor: "blue" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["branding", "primaryColor"]);
  });
});
