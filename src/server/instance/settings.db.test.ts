import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "../audit/schema";
import { queryRows, type DatabaseHandle } from "../db/client";
import { placements } from "../followup/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { callerAs, callerFor } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { makeProfile } from "../testing/factories";
import { loadInstanceConfig, loadInstanceFile } from "../config/config";
import { instanceSettings, territories } from "./schema";
import { forgetKnownOverrides, refreshInstanceSettings, refreshInstanceSettingsIfStale, REFRESH_INTERVAL_MS } from "./settings";
import { syncTerritories } from "./territories";

let h: DatabaseHandle;
beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
});
// Each test starts from the file alone: no row, nothing in memory, the file's territories.
afterEach(async () => {
  vi.restoreAllMocks();
  await h.db.delete(instanceSettings);
  forgetKnownOverrides();
  await syncTerritories(h.db, loadInstanceFile());
});
afterAll(async () => {
  forgetKnownOverrides();
  await h?.close();
});

const file = () => loadInstanceFile();

async function admin() {
  return callerAs(h.db, "admin");
}

describe("instance settings", () => {
  it("without a row, the effective settings are the file's", async () => {
    const { caller } = await admin();
    const s = await caller.instance.settings();
    expect(s.updatedAt).toBeNull();
    expect(s.effective).toEqual(s.defaults);
    expect(s.effective.displayName).toBe(file().displayName);
    expect(loadInstanceConfig()).toBe(file());
  });

  it("an update is merged over the file, audited, and returned by loadInstanceConfig after a refresh", async () => {
    const { user, caller } = await admin();
    const r = await caller.instance.update({
      expectedUpdatedAt: null,
      displayName: "Emploi Loir-et-Cher",
      branding: { primaryColor: "#123456", primaryTextColor: "#ffffff", accentColor: "#b34700" },
      defaultTravelRadiusKm: 35,
    });
    expect(r.changed.sort()).toEqual(["branding", "defaultTravelRadiusKm", "displayName"]);

    // another process (simulated: forget, then refresh from the row) sees the same values
    forgetKnownOverrides();
    expect(loadInstanceConfig().displayName).toBe(file().displayName);
    await refreshInstanceSettings(h.db);
    const config = loadInstanceConfig();
    expect(config.displayName).toBe("Emploi Loir-et-Cher");
    expect(config.defaultTravelRadiusKm).toBe(35);
    expect(config.branding).toEqual({ ...file().branding, primaryColor: "#123456" });
    expect(config.organisation).toBe(file().organisation);

    const s = await caller.instance.settings();
    expect(s.updatedAt?.getTime()).toBe(r.updatedAt!.getTime());
    expect(s.updatedBy?.email).toBe(user.email);
    expect(s.overridden.sort()).toEqual(["branding", "defaultTravelRadiusKm", "displayName"]);
    expect(s.defaults.displayName).toBe(file().displayName);

    const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.action, "instance.update"));
    expect(audit).toMatchObject({ actorId: user.id, subjectType: "instance", subjectId: file().id });
    expect((audit!.details as { fields: string[] }).fields.sort()).toEqual(["branding", "defaultTravelRadiusKm", "displayName"]);
    expect(audit!.details).toMatchObject({
      defaultTravelRadiusKm: { from: file().defaultTravelRadiusKm, to: 35 },
      displayName: { from: file().displayName, to: "Emploi Loir-et-Cher" },
    });

    // the same form saved again untouched: nothing written, nothing audited
    const again = await caller.instance.update({ expectedUpdatedAt: r.updatedAt, ...s.effective });
    expect(again).toMatchObject({ changed: [], updatedAt: r.updatedAt });
    expect(await h.db.select().from(auditEvents).where(eq(auditEvents.action, "instance.update"))).toHaveLength(1);

    // "Revenir au fichier": null drops the override
    await caller.instance.update({ expectedUpdatedAt: r.updatedAt!, displayName: null });
    expect(loadInstanceConfig().displayName).toBe(file().displayName);
    expect(loadInstanceConfig().defaultTravelRadiusKm).toBe(35);
  });

  it("refuses a save from a form older than the last save, naming who saved and when", async () => {
    const first = await admin();
    const second = await admin();
    const shown = (await second.caller.instance.settings()).updatedAt;
    await first.caller.instance.update({ expectedUpdatedAt: shown, organisation: "Conseil départemental" });
    const err = await second.caller.instance.update({ expectedUpdatedAt: shown, organisation: "Autre" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("CONFLICT");
    expect((err as TRPCError).message).toContain(first.user.email!);
    expect((err as TRPCError).message).toMatch(/le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    expect(loadInstanceConfig().organisation).toBe("Conseil départemental");
  });

  it("refuses a primary text colour that is not readable on the primary colour", async () => {
    const { caller } = await admin();
    const errors = await fieldErrors(
      caller.instance.update({ expectedUpdatedAt: null, branding: { primaryColor: "#0b5cab", primaryTextColor: "#6699cc", accentColor: "#b34700" } }),
    );
    expect(errors["branding.primaryTextColor"]?.[0]).toMatch(/contraste .* 4,5:1/);
    const [row] = await h.db.select().from(instanceSettings);
    expect(row).toBeUndefined();
  });

  it("a territory change re-attributes the people of the communes that moved", async () => {
    const { caller } = await admin();
    // 41059 (Le Controis-en-Sologne) is in the Sud-Loire EPCI 200072064
    const person = await makeProfile(h.db, "41059", { territoryCode: "sud-loire" });
    const stays = await makeProfile(h.db, "41269", { territoryCode: "vendome" });
    const { effective } = await caller.instance.settings();
    const next = effective.territories
      .filter((t) => t.code !== "sud-loire")
      .map((t) => (t.code === "blois" ? { ...t, name: "Blois et Sud-Loire", epci: [...t.epci, "200072064"] } : t));
    const r = await caller.instance.update({ expectedUpdatedAt: null, territories: next });
    expect(r.changed).toEqual(["territories"]);
    expect(r.reattributed).toBeGreaterThanOrEqual(1);

    const territoryOf = async (id: string) =>
      (await h.db.select({ t: beneficiaryProfiles.territoryCode }).from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, id)))[0]!.t;
    expect(await territoryOf(person.id)).toBe("blois");
    expect(await territoryOf(stays.id)).toBe("vendome");
    const rows = await h.db.select().from(territories).orderBy(territories.code);
    expect(rows.map((t) => t.code)).toEqual(["blois", "nord-loire", "romorantin", "vendome"]);
    expect(rows.find((t) => t.code === "blois")?.name).toBe("Blois et Sud-Loire");
    const [c] = await queryRows<{ t: string }>(h.db, sql`select territory_code as t from territory_communes where insee = '41059'`);
    expect(c?.t).toBe("blois");
    expect(loadInstanceConfig().territories).toHaveLength(4);
  });

  it("refuses territories that leave a commune out or put it twice", async () => {
    const { caller } = await admin();
    const { effective } = await caller.instance.settings();
    const missing = await fieldErrors(caller.instance.update({ expectedUpdatedAt: null, territories: effective.territories.slice(1) }));
    expect(missing.territories?.[0]).toMatch(/sans territoire/);
    const twice = effective.territories.map((t) => (t.code === "vendome" ? { ...t, epci: [...t.epci, "200030385"] } : t));
    const dup = await fieldErrors(caller.instance.update({ expectedUpdatedAt: null, territories: twice }));
    expect(dup.territories?.[0]).toMatch(/deux territoires/);
  });

  it("refuses to remove a territory that still has adviser accounts", async () => {
    const { caller } = await admin();
    await callerAs(h.db, "adviser", { territoryCode: "vendome" });
    const { effective } = await caller.instance.settings();
    const vendome = effective.territories.find((t) => t.code === "vendome")!;
    const next = effective.territories
      .filter((t) => t.code !== "vendome")
      .map((t) => (t.code === "blois" ? { ...t, epci: [...t.epci, ...vendome.epci] } : t));
    const errors = await fieldErrors(caller.instance.update({ expectedUpdatedAt: null, territories: next }));
    expect(errors.territories?.[0]).toMatch(/« vendome » a encore 1 compte\(s\) de conseiller/);
    expect(await h.db.select().from(territories).where(eq(territories.code, "vendome"))).toHaveLength(1);
  });

  it("renames and adds exit reasons, but refuses to remove one in use", async () => {
    const { caller } = await admin();
    const person = await makeProfile(h.db, "41018");
    await h.db.insert(placements).values({
      profileId: person.id,
      jobTitle: "Vendeur",
      startsOn: "2025-01-06",
      status: "ended",
      endedOn: "2025-02-01",
      endReason: "moved",
      source: "adviser",
    });
    const reasons = file().exitReasons;
    const withoutMoved = reasons.filter((r) => r.code !== "moved");
    const errors = await fieldErrors(caller.instance.update({ expectedUpdatedAt: null, exitReasons: withoutMoved }));
    expect(errors.exitReasons?.[0]).toMatch(/« Déménagement » est déjà utilisé/);

    const renamed = [...reasons.map((r) => (r.code === "moved" ? { ...r, label: "Déménagement hors du département" } : r)), { code: "retirement", label: "Départ en retraite" }];
    await caller.instance.update({ expectedUpdatedAt: null, exitReasons: renamed });
    expect(loadInstanceConfig().exitReasons.find((r) => r.code === "moved")?.label).toBe("Déménagement hors du département");
    expect(loadInstanceConfig().exitReasons.at(-1)).toEqual({ code: "retirement", label: "Départ en retraite" });

    // an unused code can go
    const { updatedAt } = await caller.instance.settings();
    await caller.instance.update({ expectedUpdatedAt: updatedAt, exitReasons: renamed.filter((r) => r.code !== "retirement") });
    expect(loadInstanceConfig().exitReasons.some((r) => r.code === "retirement")).toBe(false);
  });

  it("refuses a radius outside 1–200 km", async () => {
    const { caller } = await admin();
    const errors = await fieldErrors(caller.instance.update({ expectedUpdatedAt: null, defaultTravelRadiusKm: 250 }));
    expect(errors.defaultTravelRadiusKm?.[0]).toBe("Le rayon va de 1 à 200 km.");
  });

  it("is refused to advisers (FORBIDDEN), before the input is read", async () => {
    const { caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    await expect(caller.instance.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.instance.update({ expectedUpdatedAt: null, displayName: "Piraté" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(loadInstanceConfig().displayName).toBe(file().displayName);
  });

  it("a save by another process is picked up by the next request once the last read is older than the interval", async () => {
    // the row written by "another process": this one does not know it yet
    await h.db.insert(instanceSettings).values({ id: "current", overrides: { displayName: "Emploi ailleurs" } });
    await refreshInstanceSettingsIfStale(h.db); // first read of this process (nothing known yet)
    expect(loadInstanceConfig().displayName).toBe("Emploi ailleurs");

    await h.db.update(instanceSettings).set({ overrides: { displayName: "Emploi encore ailleurs" } });
    await callerFor(h.db, null); // a request within the interval: no new read
    expect(loadInstanceConfig().displayName).toBe("Emploi ailleurs");

    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + REFRESH_INTERVAL_MS + 1);
    await callerFor(h.db, null); // tRPC context creation re-reads the row
    expect(loadInstanceConfig().displayName).toBe("Emploi encore ailleurs");
  });
});
