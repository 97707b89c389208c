import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

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
  /** projected coordinate system for planar distances (Lambert-93 in metropolitan France) */
  projectedSrid: z.number().int().positive().default(2154),
  /** base map style (MapLibre style URL); without one, maps show the data on a plain background */
  map: z.object({ styleUrl: z.url().nullable().default(null), attribution: z.string().nullable().default(null) }).default({ styleUrl: null, attribution: null }),
  exitReasons: z.array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) })).min(1),
});

export type InstanceConfig = z.infer<typeof instanceConfigSchema>;
export type Territory = z.infer<typeof territorySchema>;

export const DEFAULT_INSTANCE = "loir-et-cher";

export class InstanceConfigError extends Error {}

const cache = new Map<string, InstanceConfig>();

/** The instance selected by INSTANCE (a name under instance/ or a path to a JSON file). */
export function loadInstanceConfig(name = process.env.INSTANCE?.trim() || DEFAULT_INSTANCE): InstanceConfig {
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
