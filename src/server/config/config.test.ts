import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { todayIn } from "../../lib/dates";
import { InstanceConfigError, instanceConfigSchema, loadInstanceConfig, loadInstanceFile } from "./config";
import { resolveTerritories } from "../instance/territories";

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

describe("the instance's time zone", () => {
  const file = loadInstanceFile("loir-et-cher");
  const { timeZone: _ignored, ...withoutZone } = file;

  it("is Europe/Paris unless the file says otherwise", () => {
    expect(file.timeZone).toBe("Europe/Paris");
    expect(instanceConfigSchema.parse(withoutZone).timeZone).toBe("Europe/Paris");
  });

  it("takes an overseas zone, where today is another day than in Paris around midnight", () => {
    const reunion = instanceConfigSchema.parse({ ...file, timeZone: "Indian/Reunion" });
    expect(reunion.timeZone).toBe("Indian/Reunion");
    const parisEvening = new Date("2027-03-14T21:30:00Z"); // 22:30 in Paris, 01:30 the next day in La Réunion
    expect(todayIn(file.timeZone, parisEvening)).toBe("2027-03-14");
    expect(todayIn(reunion.timeZone, parisEvening)).toBe("2027-03-15");
  });

  it("refuses a file with an unknown zone, saying which field and what is expected", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "instance-tz-"));
    try {
      for (const bad of ["Europe/Blois", "CET+1", "", 1]) {
        const json = path.join(dir, `bad-${String(bad).replace(/\W/g, "_")}.json`);
        writeFileSync(json, JSON.stringify({ ...file, timeZone: bad }));
        expect(() => loadInstanceFile(json)).toThrow(InstanceConfigError);
      }
      const json = path.join(dir, "blois.json");
      writeFileSync(json, JSON.stringify({ ...file, timeZone: "Europe/Blois" }));
      expect(() => loadInstanceFile(json)).toThrow(
        /Configuration d'instance invalide .*timeZone: fuseau horaire inconnu : Europe\/Blois \(un nom IANA est attendu, par exemple « Europe\/Paris »/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the instance's mobility help", () => {
  const file = loadInstanceFile("loir-et-cher");

  it("lists the demo's examples: transport à la demande, permis aidé, garage solidaire, covoiturage", () => {
    expect(file.mobilityHelp.map((m) => m.name)).toEqual(["Transport à la demande", "Permis aidé", "Garage solidaire", "Covoiturage"]);
    expect(file.mobilityHelp.every((m) => m.phone || m.url)).toBe(true);
  });

  it("is optional: an instance without any lists none", () => {
    const { mobilityHelp: _ignored, ...without } = file;
    expect(instanceConfigSchema.parse(without).mobilityHelp).toEqual([]);
  });

  it("refuses a link that is not a web address and a phone that is not a number, on their field", () => {
    const help = { name: "Aide", description: "Une aide." };
    for (const [field, value] of [
      ["url", "javascript:alert(1)"],
      ["url", "ftp://example.org/x"],
      ["phone", "appelez-nous"],
    ] as const) {
      const r = instanceConfigSchema.safeParse({ ...file, mobilityHelp: [{ ...help, [field]: value }] });
      expect(r.success, `${field}: ${value}`).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["mobilityHelp", 0, field]);
    }
  });
});
