import { booleanPointInPolygon, point } from "@turf/turf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { loadInstanceConfig } from "../config/config";
import { resolveTerritories } from "../instance/territories";
import { baseMapData, territoryOutline } from "./base-map";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("the maps' offline base", () => {
  it("holds every commune of the département with its name, and each territory's outline around all its communes", async () => {
    const base = await baseMapData(h.db, ["41"]);
    expect(base.communes.features).toHaveLength(267);
    const blois = base.communes.features.find((f) => f.properties.name === "Blois");
    expect(blois?.geometry.coordinates[0]).toBeCloseTo(1.30626, 4);
    // the biggest first: labelled first when zoomed out
    expect(base.communes.features[0]?.properties.name).toBe("Blois");

    const config = loadInstanceConfig("loir-et-cher");
    const resolved = resolveTerritories(config);
    expect(base.territories.features.map((t) => t.properties.name).sort()).toEqual(config.territories.map((t) => t.name).sort());
    const at = new Map(base.communes.features.map((f) => [f.properties.insee, f.geometry.coordinates]));
    for (const t of base.territories.features) {
      const insees = resolved.get(t.properties.code) ?? [];
      expect(insees.length, t.properties.name).toBeGreaterThan(0);
      for (const insee of insees) expect(booleanPointInPolygon(point(at.get(insee)!), t), `${insee} in ${t.properties.name}`).toBe(true);
    }
  });

  it("draws a territory of one or two communes as a small area around them", () => {
    const one = territoryOutline([[1.3, 47.58]]);
    expect(one && booleanPointInPolygon(point([1.3, 47.58]), one)).toBe(true);
    const two = territoryOutline([
      [1.3, 47.58],
      [1.4, 47.6],
    ]);
    expect(two && booleanPointInPolygon(point([1.35, 47.59]), two)).toBe(true);
    expect(territoryOutline([])).toBeNull();
  });

  it("keeps every point inside a concave outline", () => {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 40; i++) points.push([1 + (i % 8) * 0.05, 47.5 + Math.floor(i / 8) * 0.04]);
    const outline = territoryOutline(points)!;
    for (const p of points) expect(booleanPointInPolygon(point(p), outline)).toBe(true);
  });
});
