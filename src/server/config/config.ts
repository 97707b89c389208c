import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isTimeZone } from "../../lib/dates";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "couleur attendue au format #RRGGBB");

const territorySchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    communes: z.array(z.string().regex(/^[0-9AB]{5}$/)).optional(),
    epci: z.array(z.string().regex(/^\d{9}$/)).optional(),
    arrondissements: z.array(z.string().min(3)).optional(),
  })
  .refine((t) => t.communes?.length || t.epci?.length || t.arrondissements?.length, {
    message: "un territoire liste des communes, des EPCI ou des arrondissements",
  });

const mobilityHelpSchema = z.object({
  name: z.string().trim().min(1).max(80, "80 caractères au plus"),
  description: z.string().trim().min(1).max(300, "300 caractères au plus"),
  /** as dialled in France ("02 54 00 00 00") or international ("+33 2 54…") */
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 .]{3,19}$/, "numéro de téléphone attendu, par exemple « 02 54 00 00 00 »")
    .optional(),
  url: z.url({ protocol: /^https?$/, error: "adresse web attendue (https://…)" }).optional(),
});

export type MobilityHelp = z.infer<typeof mobilityHelpSchema>;

export const instanceConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string().min(1),
  organisation: z.string().min(1),
  departements: z.array(z.string().regex(/^(\d{2,3}|2A|2B)$/)).min(1),
  territories: z.array(territorySchema).min(1),
  branding: z.object({
    primaryColor: hexColor,
    primaryTextColor: hexColor,
    accentColor: hexColor,
    logo: z.string().startsWith("/"),
  }),
  defaultTravelRadiusKm: z.number().positive().max(200),
  /**
   * the instance's time zone, an IANA name: what "today" and a month are, and how dates and times
   * read (Europe/Paris in metropolitan France; America/Guadeloupe, America/Martinique,
   * America/Cayenne, Indian/Reunion, Indian/Mayotte overseas)
   */
  timeZone: z
    .string()
    .refine((tz) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz) && isTimeZone(tz), {
      error: (issue) => `fuseau horaire inconnu : ${String(issue.input)} (un nom IANA est attendu, par exemple « Europe/Paris » ou « Indian/Reunion »)`,
    })
    .default("Europe/Paris"),
  /** projected coordinate system for planar distances (Lambert-93 in metropolitan France) */
  projectedSrid: z.number().int().positive().default(2154),
  /** base map style (MapLibre style URL); without one, maps show the data on a plain background */
  map: z.object({ styleUrl: z.url().nullable().default(null), attribution: z.string().nullable().default(null) }).default({ styleUrl: null, attribution: null }),
  exitReasons: z.array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) })).min(1),
  /**
   * help to get to work without a car, shown to a beneficiary who finds no offer near home
   * (transport à la demande, permis aidé, garage solidaire, covoiturage…)
   */
  mobilityHelp: z.array(mobilityHelpSchema).max(20, "20 aides au plus").default([]),
  /** data retention (src/server/privacy/retention.ts): a profile inactive this many months is erased, after a warning a month before */
  retention: z
    .object({ inactiveProfileMonths: z.number().int().min(3, "au moins 3 mois").max(120, "au plus 120 mois").default(24) })
    .default({ inactiveProfileMonths: 24 }),
});

export type InstanceConfig = z.infer<typeof instanceConfigSchema>;
export type Territory = z.infer<typeof territorySchema>;

export const DEFAULT_INSTANCE = "loir-et-cher";

export class InstanceConfigError extends Error {}

const cache = new Map<string, InstanceConfig>();

/**
 * What admins may change in the browser (src/server/instance/settings.ts). Each key replaces
 * the file's whole section; an absent key means "as in the file".
 */
export type InstanceOverrides = Partial<{
  displayName: string;
  organisation: string;
  branding: Pick<InstanceConfig["branding"], "primaryColor" | "primaryTextColor" | "accentColor">;
  territories: Territory[];
  defaultTravelRadiusKm: number;
  exitReasons: InstanceConfig["exitReasons"];
}>;

export const OVERRIDABLE_SECTIONS = [
  "displayName",
  "organisation",
  "branding",
  "territories",
  "defaultTravelRadiusKm",
  "exitReasons",
] as const satisfies readonly (keyof InstanceOverrides)[];
export type OverridableSection = (typeof OVERRIDABLE_SECTIONS)[number];

// The last overrides this process read from the database (refreshInstanceSettings): kept in
// memory so that loadInstanceConfig() stays synchronous for its many callers. On globalThis
// because Next.js may load this module more than once in one process (instrumentation, route
// handlers, server components), and they must all see the same settings.
type OverridesState = {
  overrides: InstanceOverrides;
  /** Date.now() of the last read of the row (0: never) */
  readAt: number;
  merged: { file: InstanceConfig; overrides: InstanceOverrides; config: InstanceConfig } | null;
};
const STATE_KEY = Symbol.for("emploi.instanceOverrides");
const state: OverridesState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as OverridesState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = { overrides: {}, readAt: 0, merged: null } satisfies OverridesState);

export function setKnownOverrides(overrides: InstanceOverrides, readAt = Date.now()): void {
  state.overrides = overrides;
  state.readAt = readAt;
  state.merged = null;
}

export function knownInstanceOverrides(): { overrides: InstanceOverrides; readAt: number } {
  return { overrides: state.overrides, readAt: state.readAt };
}

/** The file with the given overrides on top (branding keeps the file's logo). */
export function applyOverrides(file: InstanceConfig, overrides: InstanceOverrides): InstanceConfig {
  return {
    ...file,
    ...(overrides.displayName !== undefined ? { displayName: overrides.displayName } : {}),
    ...(overrides.organisation !== undefined ? { organisation: overrides.organisation } : {}),
    ...(overrides.branding ? { branding: { ...file.branding, ...overrides.branding } } : {}),
    ...(overrides.territories ? { territories: overrides.territories } : {}),
    ...(overrides.defaultTravelRadiusKm !== undefined ? { defaultTravelRadiusKm: overrides.defaultTravelRadiusKm } : {}),
    ...(overrides.exitReasons ? { exitReasons: overrides.exitReasons } : {}),
  };
}

export function currentInstanceName(): string {
  return process.env.INSTANCE?.trim() || DEFAULT_INSTANCE;
}

/**
 * The instance selected by INSTANCE (a name under instance/ or a path to a JSON file), with the
 * admins' last known changes merged over it. Another name gives that file alone.
 */
export function loadInstanceConfig(name = currentInstanceName()): InstanceConfig {
  const file = loadInstanceFile(name);
  if (name !== currentInstanceName() || Object.keys(state.overrides).length === 0) return file;
  if (state.merged?.file !== file || state.merged.overrides !== state.overrides) {
    state.merged = { file, overrides: state.overrides, config: applyOverrides(file, state.overrides) };
  }
  return state.merged.config;
}

/** The instance file alone, as written (the defaults the admins' changes go over). */
export function loadInstanceFile(name = currentInstanceName()): InstanceConfig {
  const known = cache.get(name);
  if (known) return known;
  const file = name.endsWith(".json")
    ? path.resolve(/*turbopackIgnore: true*/ name)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), "instance", `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new InstanceConfigError(`Configuration d'instance illisible (${file}) : ${(err as Error).message}`);
  }
  const parsed = instanceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new InstanceConfigError(`Configuration d'instance invalide (${file}) : ${details}`);
  }
  cache.set(name, parsed.data);
  return parsed.data;
}
