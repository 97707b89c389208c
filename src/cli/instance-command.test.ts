import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { instanceConfigSchema, loadInstanceFile } from "../server/config/config";
import { resolveTerritories } from "../server/instance/territories";
import { UsageError } from "./args";
import { buildInstanceConfig, DEFAULT_EXIT_REASONS, instanceInit, normaliseDepartement } from "./instance-command";

const require = createRequire(import.meta.url);
const communes = require("@etalab/decoupage-administratif/data/communes.json") as Array<{ code: string; type: string; departement: string }>;
const communesOf = (dep: string) => communes.filter((c) => c.type === "commune-actuelle" && c.departement === dep).map((c) => c.code);

function everyCommuneOnce(dep: string, config: ReturnType<typeof buildInstanceConfig>) {
  const all = [...resolveTerritories(config).values()].flat();
  expect(new Set(all).size).toBe(all.length);
  expect(all.sort()).toEqual(communesOf(dep).sort());
}

describe("instance init", () => {
  it("builds a valid Indre-et-Loire instance: one territory per EPCI, every commune once", () => {
    const config = buildInstanceConfig({ departement: "37", name: "Emploi 37", id: "touraine" });
    expect(instanceConfigSchema.parse(config)).toEqual(config);
    expect(config).toMatchObject({
      id: "touraine",
      displayName: "Emploi 37",
      organisation: "Département d'Indre-et-Loire",
      departements: ["37"],
      defaultTravelRadiusKm: 20,
      projectedSrid: 2154,
      branding: { logo: "/instance/touraine/logo.svg" },
    });
    expect(config.territories.every((t) => t.epci?.length === 1)).toBe(true);
    expect(config.territories.find((t) => t.epci?.[0] === "243700754")?.name).toBe("Tours Métropole Val de Loire");
    everyCommuneOnce("37", config);
    expect(communesOf("37").length).toBeGreaterThan(250);
  });

  it("builds a valid Loir-et-Cher instance, with the Loir-et-Cher exit reasons", () => {
    const config = buildInstanceConfig({ departement: "41", name: "Emploi 41 bis", organisation: "Conseil départemental" });
    expect(config.id).toBe("emploi-41-bis");
    expect(config.organisation).toBe("Conseil départemental");
    everyCommuneOnce("41", config);
    // CC des Terres du Val de Loire straddles Loiret and Loir-et-Cher: only its 4 communes of 41 are kept
    const straddling = config.territories.find((t) => t.epci?.[0] === "200070183")!;
    expect(resolveTerritories(config).get(straddling.code)).toHaveLength(4);
    expect(config.exitReasons).toEqual(loadInstanceFile("loir-et-cher").exitReasons);
    expect(DEFAULT_EXIT_REASONS).toEqual(loadInstanceFile("loir-et-cher").exitReasons);
  });

  it("accepts Corsica and overseas codes, with their projection", () => {
    const corse = buildInstanceConfig({ departement: "2a", name: "Emploi Corse-du-Sud" });
    expect(corse.departements).toEqual(["2A"]);
    everyCommuneOnce("2A", corse);
    const reunion = buildInstanceConfig({ departement: "974", name: "Emploi Réunion" });
    expect(reunion.projectedSrid).toBe(2975);
    everyCommuneOnce("974", reunion);
  });

  it("writes the département's time zone: Paris in metropolitan France and Corsica, the local one overseas", () => {
    expect(buildInstanceConfig({ departement: "37", name: "Emploi 37" }).timeZone).toBe("Europe/Paris");
    expect(buildInstanceConfig({ departement: "2B", name: "Emploi Haute-Corse" }).timeZone).toBe("Europe/Paris");
    const overseas = { "971": "America/Guadeloupe", "972": "America/Martinique", "973": "America/Cayenne", "974": "Indian/Reunion", "976": "Indian/Mayotte" };
    for (const [departement, zone] of Object.entries(overseas)) {
      expect(buildInstanceConfig({ departement, name: `Emploi ${departement}` }).timeZone).toBe(zone);
    }
  });

  it("refuses unknown département codes", () => {
    for (const bad of ["20", "00", "96", "975", "3", "abc"]) expect(() => normaliseDepartement(bad)).toThrow(UsageError);
  });

  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it("writes the file and a provisional logo, and refuses to overwrite without --force", () => {
    dir = mkdtempSync(path.join(tmpdir(), "instance-init-"));
    const lines: string[] = [];
    const { file } = instanceInit({ departement: "37", name: "Emploi 37" }, (s) => lines.push(s), dir);
    expect(file).toBe(path.join(dir, "instance", "emploi-37.json"));
    const written = JSON.parse(readFileSync(file, "utf8"));
    expect(instanceConfigSchema.parse(written).territories.length).toBeGreaterThan(5);
    expect(existsSync(path.join(dir, "public", "instance", "emploi-37", "logo.svg"))).toBe(true);
    expect(lines.join("\n")).toContain("INSTANCE=emploi-37 npm run cli -- ref import");

    expect(() => instanceInit({ departement: "37", name: "Emploi 37" }, () => {}, dir!)).toThrow(/existe déjà : ajoutez --force/);
    instanceInit({ departement: "37", name: "Emploi 37", organisation: "Touraine", force: true }, () => {}, dir);
    expect(JSON.parse(readFileSync(file, "utf8")).organisation).toBe("Touraine");
  });

  it("requires --departement and --name", () => {
    expect(() => instanceInit({ name: "X" }, () => {}, tmpdir())).toThrow(/--departement est obligatoire/);
    expect(() => instanceInit({ departement: "37" }, () => {}, tmpdir())).toThrow(/--name est obligatoire/);
  });
});
