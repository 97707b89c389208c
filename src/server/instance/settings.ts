// The instance settings admins change in the browser: stored as overrides over the instance file
// in the one `instance_settings` row, and kept in memory (config.ts) so that loadInstanceConfig()
// stays synchronous. Each process re-reads the row at start, after its own updates and at most
// every REFRESH_INTERVAL_MS when a request comes in, so that several processes converge quickly.
import { createRequire } from "node:module";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { formatDateTime } from "../../lib/dates";
import { recordAudit } from "../audit/record";
import { users } from "../auth/schema";
import { queryRows, type Database } from "../db/client";
import { FieldErrors } from "../lib/field-errors";
import { instanceTimeZone } from "../config/time-zone";
import {
  applyOverrides,
  instanceConfigSchema,
  knownInstanceOverrides,
  loadInstanceFile,
  OVERRIDABLE_SECTIONS,
  setKnownOverrides,
  type InstanceConfig,
  type InstanceOverrides,
  type OverridableSection,
} from "../config/config";
import { contrastRatio, MIN_TEXT_CONTRAST } from "../config/contrast";
import { instanceSettings } from "./schema";
import { resolveTerritories, syncTerritories, TerritoryConfigError } from "./territories";

export { SECTION_LABELS } from "./settings-labels";

const ROW_ID = "current";
export const REFRESH_INTERVAL_MS = 15_000;

let inFlight: Promise<void> | null = null;

/** Reads the overrides row into memory (no row: the file alone). */
export async function refreshInstanceSettings(db: Database): Promise<void> {
  const [row] = await db.select({ overrides: instanceSettings.overrides }).from(instanceSettings).where(eq(instanceSettings.id, ROW_ID)).limit(1);
  setKnownOverrides((row?.overrides ?? {}) as InstanceOverrides);
}

/**
 * Refreshes when the last read is older than REFRESH_INTERVAL_MS; concurrent requests share one
 * read. A failed read keeps the last known settings (the page still renders) and is retried later.
 */
export async function refreshInstanceSettingsIfStale(db: Database): Promise<void> {
  if (Date.now() - knownInstanceOverrides().readAt < REFRESH_INTERVAL_MS) return;
  inFlight ??= refreshInstanceSettings(db)
    .catch((err) => {
      setKnownOverrides(knownInstanceOverrides().overrides); // retried after the interval, not on every request
      console.error("Réglages de l'instance illisibles, ceux déjà connus restent en vigueur :", err);
    })
    .finally(() => {
      inFlight = null;
    });
  await inFlight;
}

// ---------------------------------------------------------------------------------------------
// Reading

type DecoupageEpci = { code: string; nom: string };
type DecoupageCommune = { code: string; nom: string; type: string };

/** Names of the EPCI and communes a territory lists, for the form. */
function unitNames(config: InstanceConfig): Record<string, string> {
  const require = createRequire(import.meta.url);
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as DecoupageEpci[];
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as DecoupageCommune[];
  const wantedEpci = new Set(config.territories.flatMap((t) => t.epci ?? []));
  const wantedCommunes = new Set(config.territories.flatMap((t) => t.communes ?? []));
  const names: Record<string, string> = {};
  for (const e of epcis) if (wantedEpci.has(e.code)) names[e.code] = e.nom;
  for (const c of communes) if (c.type === "commune-actuelle" && wantedCommunes.has(c.code)) names[c.code] = c.nom;
  return names;
}

function editable(config: InstanceConfig) {
  return {
    displayName: config.displayName,
    organisation: config.organisation,
    branding: {
      primaryColor: config.branding.primaryColor,
      primaryTextColor: config.branding.primaryTextColor,
      accentColor: config.branding.accentColor,
    },
    territories: config.territories.map((t) => ({
      code: t.code,
      name: t.name,
      epci: t.epci ?? [],
      communes: t.communes ?? [],
      arrondissements: t.arrondissements ?? [],
    })),
    defaultTravelRadiusKm: config.defaultTravelRadiusKm,
    exitReasons: config.exitReasons,
  };
}
export type EditableSettings = ReturnType<typeof editable>;

/** What the settings page shows: effective values, the file's defaults, who saved last and when. */
export async function instanceSettingsView(db: Database) {
  const [row] = await db
    .select({
      overrides: instanceSettings.overrides,
      updatedAt: instanceSettings.updatedAt,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(instanceSettings)
    .leftJoin(users, eq(users.id, instanceSettings.updatedBy))
    .where(eq(instanceSettings.id, ROW_ID))
    .limit(1);
  const file = loadInstanceFile();
  const overrides = (row?.overrides ?? {}) as InstanceOverrides;
  const effective = applyOverrides(file, overrides);
  return {
    id: file.id,
    departements: file.departements,
    effective: editable(effective),
    defaults: editable(file),
    overridden: OVERRIDABLE_SECTIONS.filter((s) => overrides[s] !== undefined),
    unitNames: unitNames(instanceConfigSchema.parse({ ...file, territories: [...file.territories, ...effective.territories] })),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row && (row.firstName !== null || row.email !== null) ? { name: `${row.firstName ?? ""} ${row.lastName ?? ""}`.trim(), email: row.email } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Updating

const hex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Indiquez une couleur au format #RRGGBB (par exemple #0b5cab).");

const territoryInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, "Code de territoire : lettres minuscules sans accent, chiffres et tirets (par exemple « sud-loire »)."),
  name: z.string().trim().min(1, "Donnez un nom à chaque territoire.").max(80, "80 caractères au plus pour le nom d'un territoire."),
  epci: z.array(z.string().regex(/^\d{9}$/, "Code EPCI inconnu.")).max(200).default([]),
  communes: z.array(z.string().regex(/^[0-9AB]{5}$/, "Code commune inconnu.")).max(2000).default([]),
  arrondissements: z.array(z.string().min(3).max(4)).max(20).default([]),
});

const exitReasonInput = z.object({
  code: z.string().trim().regex(/^[a-z_]{1,40}$/, "Code de motif : lettres minuscules sans accent et « _ » (par exemple « demenagement »)."),
  label: z.string().trim().min(1, "Donnez un libellé à chaque motif de sortie.").max(80, "80 caractères au plus pour un libellé."),
});

/**
 * A section absent is left as it is; `null` puts it back to the file's value ("Revenir au
 * fichier"); a value replaces it. `expectedUpdatedAt` is the updatedAt the form showed.
 */
export const updateInstanceInput = z.object({
  expectedUpdatedAt: z.date().nullable(),
  displayName: z.string().trim().min(1, "Indiquez le nom affiché du service.").max(60, "60 caractères au plus.").nullish(),
  organisation: z.string().trim().min(1, "Indiquez l'organisme qui porte le service.").max(120, "120 caractères au plus.").nullish(),
  branding: z.object({ primaryColor: hex, primaryTextColor: hex, accentColor: hex }).nullish(),
  territories: z.array(territoryInput).min(1, "Gardez au moins un territoire.").max(100).nullish(),
  defaultTravelRadiusKm: z
    .number({ error: "Indiquez un rayon en kilomètres." })
    .int("Indiquez un nombre entier de kilomètres.")
    .min(1, "Le rayon va de 1 à 200 km.")
    .max(200, "Le rayon va de 1 à 200 km.")
    .nullish(),
  exitReasons: z.array(exitReasonInput).min(1, "Gardez au moins un motif de sortie.").max(50).nullish(),
});
export type UpdateInstanceInput = z.input<typeof updateInstanceInput>;

/** Deep equality that ignores the order of object keys (jsonb does not keep it). */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function normalisedTerritories(list: z.infer<typeof territoryInput>[]): InstanceConfig["territories"] {
  // Only the non-empty lists are kept, as in a hand-written file.
  return list.map((t) => ({
    code: t.code,
    name: t.name,
    ...(t.epci.length ? { epci: t.epci } : {}),
    ...(t.communes.length ? { communes: t.communes } : {}),
    ...(t.arrondissements.length ? { arrondissements: t.arrondissements } : {}),
  }));
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Saves the admin's changes, re-attributes people when territories change, and audits it all. */
export async function updateInstanceSettings(db: Database, actorId: string, raw: UpdateInstanceInput) {
  const input = updateInstanceInput.parse(raw);
  const file = loadInstanceFile();

  const result = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // Lock the row (or create it) so that two admins saving at once are serialised.
    const [row] = await queryRows<{ overrides: InstanceOverrides; updated_at: Date | string; updated_by: string | null }>(
      tx,
      sql`select overrides, updated_at, updated_by from instance_settings where id = ${ROW_ID} for update`,
    );
    const shownAt = input.expectedUpdatedAt?.getTime() ?? null;
    const rowAt = row ? new Date(row.updated_at).getTime() : null;
    if (shownAt !== rowAt) await refuseStale(tx, row?.updated_by ?? null, rowAt);

    const before = (row?.overrides ?? {}) as InstanceOverrides;
    const next: InstanceOverrides = { ...before };
    const set = <K extends OverridableSection>(key: K, value: InstanceOverrides[K] | null | undefined) => {
      if (value === undefined) return;
      // A value equal to the file's is no override: the file's later changes apply again.
      const fileValue = key === "branding" ? editable(file).branding : file[key];
      if (value === null || sameValue(value, fileValue)) delete next[key];
      else next[key] = value;
    };
    set("displayName", input.displayName);
    set("organisation", input.organisation);
    set("branding", input.branding);
    set("territories", input.territories ? normalisedTerritories(input.territories) : input.territories);
    set("defaultTravelRadiusKm", input.defaultTravelRadiusKm);
    set("exitReasons", input.exitReasons);

    const oldConfig = applyOverrides(file, before);
    const newConfig = applyOverrides(file, next);
    const changed = OVERRIDABLE_SECTIONS.filter((s) => !sameValue(oldConfig[s], newConfig[s]));
    // Saving the form untouched writes nothing (no new date, nothing in the journal).
    if (changed.length === 0 && sameValue(before, next)) {
      return { updatedAt: rowAt === null ? null : new Date(rowAt), changed, reattributed: 0 };
    }
    await checkSettings(tx, oldConfig, newConfig);

    const now = new Date();
    await tx
      .insert(instanceSettings)
      .values({ id: ROW_ID, overrides: next, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({ target: instanceSettings.id, set: { overrides: next, updatedBy: actorId, updatedAt: now } });

    let reattributed = 0;
    if (changed.includes("territories")) {
      await syncTerritories(tx, newConfig);
      reattributed = await reattributeProfiles(tx);
    }
    await recordAudit(tx, {
      actorId,
      action: "instance.update",
      subjectType: "instance",
      subjectId: file.id,
      details: {
        fields: changed,
        // before → after of each section changed, so the journal says what was changed, not only where
        ...Object.fromEntries(changed.map((section) => [section, { from: oldConfig[section], to: newConfig[section] }])),
        ...(changed.includes("territories") ? { reattributed } : {}),
      },
    });
    return { updatedAt: now as Date | null, changed, reattributed };
  });
  await refreshInstanceSettings(db);
  return result;
}

async function refuseStale(tx: Database, updatedBy: string | null, at: number | null): Promise<never> {
  const [who] = updatedBy
    ? await tx.select({ firstName: users.firstName, lastName: users.lastName, email: users.email }).from(users).where(eq(users.id, updatedBy))
    : [];
  const name = who ? `${`${who.firstName} ${who.lastName}`.trim()}${who.email ? ` (${who.email})` : ""}` : "un autre administrateur";
  const when = at !== null ? ` le ${formatDateTime(new Date(at), instanceTimeZone())}` : "";
  throw new TRPCError({
    code: "CONFLICT",
    message: `Ces réglages ont été enregistrés par ${name}${when} après l'ouverture de cette page. Rechargez la page pour voir leurs changements, puis refaites les vôtres.`,
  });
}

/** Every check that names a field: contrast, a valid file, territories covering the département, nothing in use removed. */
async function checkSettings(tx: Database, oldConfig: InstanceConfig, newConfig: InstanceConfig) {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const { primaryColor, primaryTextColor } = newConfig.branding;
  const ratio = contrastRatio(primaryTextColor, primaryColor);
  if (ratio < MIN_TEXT_CONTRAST) {
    add(
      "branding.primaryTextColor",
      `Le texte sur la couleur principale ne serait pas assez lisible (contraste ${ratio.toFixed(2).replace(".", ",")}:1, il faut au moins 4,5:1). Choisissez un texte plus clair ou plus foncé.`,
    );
  }

  const territoryCodes = newConfig.territories.map((t) => t.code);
  for (const code of duplicates(territoryCodes)) add("territories", `Deux territoires ont le même code « ${code} ».`);
  const reasonCodes = newConfig.exitReasons.map((r) => r.code);
  for (const code of duplicates(reasonCodes)) add("exitReasons", `Deux motifs de sortie ont le même code « ${code} ».`);

  if (!errors.territories) {
    try {
      resolveTerritories(newConfig);
    } catch (err) {
      if (!(err instanceof TerritoryConfigError)) throw err;
      add("territories", `${err.message}. Chaque commune du département doit être dans un territoire et un seul.`);
    }
  }

  const removedTerritories = oldConfig.territories.map((t) => t.code).filter((c) => !territoryCodes.includes(c));
  if (removedTerritories.length) {
    const inUse = await queryRows<{ territory_code: string; n: number }>(
      tx,
      sql`select territory_code, count(*)::int as n from users
          where role = 'adviser' and territory_code in ${removedTerritories} group by territory_code order by territory_code`,
    );
    for (const r of inUse) {
      add("territories", `Le territoire « ${r.territory_code} » a encore ${r.n} compte(s) de conseiller : rattachez-les à un autre territoire avant de le supprimer.`);
    }
  }

  const removedReasons = oldConfig.exitReasons.map((r) => r.code).filter((c) => !reasonCodes.includes(c));
  if (removedReasons.length) {
    const used = await queryRows<{ code: string }>(
      tx,
      sql`select distinct end_reason as code from placements where end_reason in ${removedReasons}
          union select distinct end_reason from check_ins where end_reason in ${removedReasons} order by 1`,
    );
    for (const r of used) {
      const label = oldConfig.exitReasons.find((x) => x.code === r.code)?.label ?? r.code;
      add("exitReasons", `Le motif « ${label} » est déjà utilisé par des fins de contrat enregistrées : vous pouvez le renommer, pas le supprimer.`);
    }
  }

  const parsed = instanceConfigSchema.safeParse(newConfig);
  if (!parsed.success) for (const i of parsed.error.issues) add(i.path.join(".") || "_", i.message);

  if (Object.keys(errors).length) throw new FieldErrors(errors);
}

/**
 * Each person's territory follows their commune, as when they save it; someone whose commune is
 * outside every territory keeps theirs unless it was removed.
 */
async function reattributeProfiles(tx: Database): Promise<number> {
  const moved = await queryRows<{ id: string }>(
    tx,
    sql`update beneficiary_profiles bp set territory_code = tc.territory_code
        from territory_communes tc
        where tc.insee = bp.commune_insee and bp.territory_code is distinct from tc.territory_code
        returning bp.id`,
  );
  const orphaned = await queryRows<{ id: string }>(
    tx,
    sql`update beneficiary_profiles set territory_code = null
        where territory_code is not null and territory_code not in (select code from territories)
        returning id`,
  );
  return moved.length + orphaned.length;
}

/** For tests: forget the overrides this process knows (the row itself is left alone). */
export function forgetKnownOverrides(): void {
  setKnownOverrides({}, 0);
}
