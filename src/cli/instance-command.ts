// `instance init --departement 37 --name "Emploi 37" [--id touraine] [--organisation "…"]
// [--out instance/<id>.json] [--force]`: writes a new instance file with one territory per EPCI
// of the département, from @etalab/decoupage-administratif alone (no database is opened).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { instanceConfigSchema, type InstanceConfig, type Territory } from "../server/config/config";
import { resolveTerritories } from "../server/instance/territories";
import { stringOption, UsageError } from "./args";

type DecoupageCommune = { code: string; nom: string; type: string; departement: string };
type DecoupageEpci = { code: string; nom: string; membres: Array<{ code: string }> };
type DecoupageDepartement = { code: string; nom: string; typeLiaison?: number };

/** The same exit reasons as the Loir-et-Cher instance (admins rename or add to them later). */
export const DEFAULT_EXIT_REASONS: InstanceConfig["exitReasons"] = [
  { code: "resignation", label: "Démission" },
  { code: "end_of_contract", label: "Fin de contrat" },
  { code: "dismissal", label: "Licenciement" },
  { code: "trial_period", label: "Période d'essai non confirmée" },
  { code: "moved", label: "Déménagement" },
  { code: "job", label: "Autre emploi trouvé" },
  { code: "training", label: "Entrée en formation" },
  { code: "other", label: "Autre raison" },
];

/** Dark blue with white text (contrast 6.9:1) and a dark orange accent. */
export const DEFAULT_BRANDING = { primaryColor: "#0b5cab", primaryTextColor: "#ffffff", accentColor: "#b34700" };

// Planar distances use the official projection of each territory (Lambert-93 in metropolitan
// France and Corsica; the local UTM projections overseas).
const OVERSEAS_SRID: Record<string, number> = { "971": 5490, "972": 5490, "973": 2972, "974": 2975, "976": 4471 };

// "Today", months and the times people read are in the département's own time zone.
const METROPOLITAN_TIME_ZONE = "Europe/Paris";
const OVERSEAS_TIME_ZONE: Record<string, string> = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "976": "Indian/Mayotte",
};

/** "37", "2a", "971" → the code as the data writes it; anything else is refused. */
export function normaliseDepartement(raw: string): string {
  const code = raw.trim().toUpperCase();
  const metro = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B)$/.test(code) && code !== "20";
  if (!metro && !(code in OVERSEAS_SRID)) {
    throw new UsageError(`--departement attend un code de département : 01 à 95, 2A, 2B, ou 971 à 976 (reçu : ${raw})`);
  }
  return code;
}

/** "Communauté de communes du Val d'Amboise" → "communaute-de-communes-du-val-d-amboise" */
export function slug(text: string, max = 40): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

export type InitOptions = { departement: string; name: string; id?: string; organisation?: string };

/**
 * The instance configuration for a département: one territory per EPCI having communes there
 * (an EPCI that straddles départements keeps only this one's communes, as resolveTerritories
 * does), the communes outside any EPCI grouped in one more territory. Validated before return.
 */
export function buildInstanceConfig(options: InitOptions): InstanceConfig {
  const departement = normaliseDepartement(options.departement);
  const require = createRequire(import.meta.url);
  const communes = (require("@etalab/decoupage-administratif/data/communes.json") as DecoupageCommune[]).filter(
    (c) => c.type === "commune-actuelle" && c.departement === departement,
  );
  if (communes.length === 0) throw new UsageError(`Aucune commune connue pour le département ${departement}.`);
  const departements = require("@etalab/decoupage-administratif/data/departements.json") as DecoupageDepartement[];
  const dep = departements.find((d) => d.code === departement);
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as DecoupageEpci[];

  const here = new Set(communes.map((c) => c.code));
  const covered = new Set<string>();
  const used = new Set<string>();
  const uniqueCode = (base: string) => {
    let code = base || "territoire";
    for (let n = 2; used.has(code); n++) code = `${base}-${n}`;
    used.add(code);
    return code;
  };

  const territories: Territory[] = [];
  const local = epcis
    .map((e) => ({ epci: e, members: e.membres.map((m) => m.code).filter((c) => here.has(c)) }))
    .filter((e) => e.members.length > 0)
    .sort((a, b) => a.epci.nom.localeCompare(b.epci.nom, "fr"));
  for (const { epci, members } of local) {
    territories.push({ code: uniqueCode(slug(shortEpciName(epci.nom))), name: epci.nom, epci: [epci.code] });
    for (const c of members) covered.add(c);
  }
  const alone = communes.filter((c) => !covered.has(c.code)).map((c) => c.code).sort();
  if (alone.length > 0) {
    territories.push({ code: uniqueCode("hors-intercommunalite"), name: "Communes hors intercommunalité", communes: alone });
  }

  const name = options.name.trim();
  if (!name) throw new UsageError("--name attend le nom affiché du service (par exemple « Emploi 37 »)");
  const id = options.id?.trim() || slug(name);
  if (!/^[a-z0-9-]+$/.test(id)) {
    throw new UsageError(`--id attend des lettres minuscules sans accent, des chiffres et des tirets (reçu : ${id})`);
  }
  const candidate = {
    id,
    displayName: name,
    organisation: options.organisation?.trim() || `Département ${dep ? departementWithArticle(dep) : departement}`,
    departements: [departement],
    timeZone: OVERSEAS_TIME_ZONE[departement] ?? METROPOLITAN_TIME_ZONE,
    territories,
    branding: { ...DEFAULT_BRANDING, logo: `/instance/${id}/logo.svg` },
    defaultTravelRadiusKm: 20,
    projectedSrid: OVERSEAS_SRID[departement] ?? 2154,
    map: { styleUrl: null, attribution: null },
    exitReasons: DEFAULT_EXIT_REASONS,
  };
  const parsed = instanceConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new UsageError(`Configuration produite invalide : ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  resolveTerritories(parsed.data); // throws TerritoryConfigError if a commune is in none or two
  return parsed.data;
}

/** "CC du Val d'Amboise" → "Val d'Amboise" for the territory code (the name keeps the full label). */
function shortEpciName(nom: string): string {
  return nom.replace(/^(CC|CA|CU|Métropole|Communauté (de communes|d'agglomération|urbaine))\s+(de la |de l'|des |du |de |d')?/i, "");
}

// INSEE's type of liaison (TNCC): the département's name after "Département" ("de l'Ain",
// "d'Indre-et-Loire", "du Cher", "de la Somme", "des Landes").
const LIAISON = ["de ", "d'", "du ", "de la ", "des ", "de l'", "des ", "de las ", "de los "];
const ARTICLE = /^(Le |La |Les |L'|Aux |Las |Los )/;

function departementWithArticle(d: DecoupageDepartement): string {
  const nom = (d.typeLiaison ?? 0) >= 2 ? d.nom.replace(ARTICLE, "") : d.nom;
  return `${LIAISON[d.typeLiaison ?? 0] ?? "de "}${nom}`;
}

/** A plain square logo with the département's number, so the header has one until the real one. */
function defaultLogo(displayName: string, departement: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${esc(displayName)}"><rect width="64" height="64" rx="14" fill="${DEFAULT_BRANDING.primaryColor}"/><path d="M14 40h36M20 40V24l12-8 12 8v16" stroke="#fff" stroke-width="4" fill="none" stroke-linejoin="round"/><text x="32" y="56" font-family="sans-serif" font-size="12" font-weight="700" fill="#fff" text-anchor="middle">${esc(departement)}</text></svg>\n`;
}

/** The command: builds, validates, writes (never over an existing file without --force), prints next steps. */
export function instanceInit(options: Record<string, string | true>, log: (s: string) => void, cwd = process.cwd()): { file: string; config: InstanceConfig } {
  const config = buildInstanceConfig({
    departement: stringOption(options, "departement", true),
    name: stringOption(options, "name", true),
    id: stringOption(options, "id"),
    organisation: stringOption(options, "organisation"),
  });
  const out = path.resolve(cwd, stringOption(options, "out") ?? path.join("instance", `${config.id}.json`));
  if (existsSync(out) && options.force !== true) {
    throw new UsageError(`${path.relative(cwd, out)} existe déjà : ajoutez --force pour le remplacer.`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  const comment = `Instance ${config.displayName} (département ${config.departements[0]}), écrite par \`instance init\` : un territoire par EPCI. Regroupez-les à votre idée (un territoire peut lister plusieurs EPCI), chaque commune doit rester dans un seul territoire.`;
  writeFileSync(out, `${JSON.stringify({ $comment: comment, ...config }, null, 2)}\n`);

  const logoFile = path.join(cwd, "public", config.branding.logo);
  const wroteLogo = !existsSync(logoFile);
  if (wroteLogo) {
    mkdirSync(path.dirname(logoFile), { recursive: true });
    writeFileSync(logoFile, defaultLogo(config.displayName, config.departements[0]!));
  }

  const communes = [...resolveTerritories(config).values()].reduce((n, l) => n + l.length, 0);
  const rel = path.relative(cwd, out);
  const instanceRef = rel === path.join("instance", `${config.id}.json`) ? config.id : out;
  log(`Instance écrite : ${rel} (${config.territories.length} territoires, ${communes} communes).`);
  if (wroteLogo) log(`Logo provisoire : ${path.relative(cwd, logoFile)} (remplacez-le par le vôtre, en SVG).`);
  log(`
Étapes suivantes :
  1. Relisez ${rel} : regroupez les EPCI en territoires d'action, vérifiez l'organisme et les couleurs.
  2. Choisissez l'instance : INSTANCE=${instanceRef} (dans l'environnement ou le fichier .env).
  3. Créez la base et chargez les référentiels et les territoires :
       INSTANCE=${instanceRef} npm run cli -- db migrate
       INSTANCE=${instanceRef} npm run cli -- ref import
  4. Créez le premier compte administrateur :
       INSTANCE=${instanceRef} npm run cli -- users create --role admin --email vous@exemple.fr
  5. Démarrez l'application ; le nom, les couleurs, les territoires, le rayon et les motifs de sortie
     se modifient ensuite dans Administration › Instance.
  Pas à pas : docs/new-instance.md`);
  return { file: out, config };
}
