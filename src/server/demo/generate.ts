// Deterministic generators of demo and benchmark data: profiles, offers and formations that
// look like a French département's caseload. Pure functions of a seeded random generator and
// their inputs (communes, the ROME job → skills map, today's date): the same seed gives the
// same data. Nothing here touches the database or the file system.

import { isLuhnValid } from "../lib/luhn";
import type { FormationData } from "../formations/save";
import type { LngLat } from "../geo/point";
import { SHIFTS } from "../geo/shifts";
import type { Contract, OfferStatus } from "../offers/schema";
import type { OfferData } from "../offers/save";
import type { DrivingLicence, TravelMode } from "../profiles/schema";
import type { ProfileData, ProfileFormation, ProfileJob } from "../profiles/save";
import type { SeededRandom } from "../lib/random";
import { csvObjects, parseCsv } from "../lib/csv";

export const FIRST_NAMES = ["Camille", "Lucas", "Léa", "Nathan", "Chloé", "Mohamed", "Inès", "Hugo", "Manon", "Yanis",
  "Sarah", "Thomas", "Emma", "Kevin", "Julie", "Karim", "Sophie", "Maxime", "Aïcha", "Nicolas", "Laura", "Bruno",
  "Nadia", "Sébastien", "Océane", "Didier", "Fatou", "Jérôme", "Amandine", "Rémi"];
export const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
  "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Benali", "Diallo", "Nguyen"];

/** A ROME job sheet: its code, its label in the referential, and a short title for offers. */
export type JobEntry = { code: string; label: string; title: string };

/**
 * Common entry-level jobs of the people a département supports, as ROME 4.0 job sheets
 * (labels exactly as in data/rome/unix_referentiel_code_rome_v460_utf8.csv; generate.test.ts
 * checks both).
 */
export const DEMO_JOBS: readonly JobEntry[] = [
  // care and services to people
  { code: "J1501", label: "Aide-soignant / Aide-soignante", title: "Aide-soignant(e)" },
  { code: "J1301", label: "Agent / Agente de service hospitalier (ASH)", title: "Agent(e) de service hospitalier" },
  { code: "K1302", label: "Assistant / Assistante de vie dépendance", title: "Auxiliaire de vie" },
  { code: "K1311", label: "Assistant / Assistante de vie aux familles", title: "Aide à domicile" },
  { code: "K1304", label: "Employé familial / Employée familiale", title: "Employé(e) familial(e)" },
  { code: "K1310", label: "Assistant maternel / Assistante maternelle", title: "Assistant(e) maternel(le)" },
  { code: "G1203", label: "Animateur / Animatrice jeunesse", title: "Animateur / animatrice" },
  // cleaning, security, building upkeep
  { code: "K2205", label: "Agent / Agente de propreté de locaux", title: "Agent(e) de propreté" },
  { code: "K2503", label: "Agent / Agente de prévention et de sécurité", title: "Agent(e) de sécurité" },
  { code: "I1203", label: "Agent / Agente d'entretien du bâtiment", title: "Agent(e) d'entretien du bâtiment" },
  // logistics and transport
  { code: "N1103", label: "Préparateur / Préparatrice de commandes", title: "Préparateur / préparatrice de commandes" },
  { code: "N1101", label: "Cariste", title: "Cariste" },
  { code: "N1110", label: "Magasinier / Magasinière", title: "Magasinier / magasinière" },
  { code: "N1105", label: "Manutentionnaire", title: "Manutentionnaire" },
  { code: "N4105", label: "Conducteur-livreur / Conductrice-livreuse", title: "Chauffeur-livreur / chauffeuse-livreuse" },
  { code: "N4103", label: "Conducteur / Conductrice de bus", title: "Conducteur / conductrice de bus" },
  { code: "N4101", label: "Conducteur / Conductrice de poids lourd", title: "Conducteur / conductrice poids lourd" },
  // hotels and restaurants
  { code: "G1803", label: "Serveur / Serveuse en restauration", title: "Serveur / serveuse" },
  { code: "G1602", label: "Commis / Commise de cuisine", title: "Commis de cuisine" },
  { code: "G1605", label: "Plongeur officier / Plongeuse officière de cuisine", title: "Plongeur / plongeuse" },
  { code: "G1603", label: "Equipier polyvalent / Equipière polyvalente de restauration rapide", title: "Équipier(ère) de restauration rapide" },
  { code: "G1607", label: "Employé / Employée de restauration collective", title: "Employé(e) de restauration collective" },
  { code: "G1501", label: "Employé / Employée d'étage", title: "Employé(e) d'étage" },
  // shops
  { code: "D1507", label: "Employé / Employée de rayon libre-service", title: "Employé(e) de libre-service" },
  { code: "D1505", label: "Hôte / Hôtesse de caisse", title: "Hôte / hôtesse de caisse" },
  { code: "D1106", label: "Vendeur / Vendeuse en épicerie", title: "Vendeur / vendeuse en alimentation" },
  { code: "D1214", label: "Vendeur / Vendeuse en prêt-à-porter", title: "Vendeur / vendeuse en prêt-à-porter" },
  // farming and green spaces
  { code: "A1419", label: "Ouvrier agricole polyvalent / Ouvrière agricole polyvalente", title: "Ouvrier / ouvrière agricole" },
  { code: "A1433", label: "Maraîcher / Maraîchère", title: "Ouvrier / ouvrière en maraîchage" },
  { code: "A1418", label: "Viticulteur / Viticultrice", title: "Ouvrier / ouvrière viticole" },
  { code: "A1203", label: "Agent / Agente d'entretien des espaces verts", title: "Agent(e) d'espaces verts" },
  { code: "A1208", label: "Jardinier / Jardinière paysagiste", title: "Jardinier / jardinière paysagiste" },
  // building
  { code: "F1703", label: "Maçon / Maçonne", title: "Maçon / maçonne" },
  { code: "F1704", label: "Manœuvre bâtiment", title: "Manœuvre bâtiment" },
  { code: "F1606", label: "Peintre en bâtiment", title: "Peintre en bâtiment" },
  { code: "F1604", label: "Plaquiste", title: "Plaquiste" },
  { code: "F1602", label: "Electricien / Electricienne du bâtiment", title: "Électricien(ne) du bâtiment" },
  { code: "F1603", label: "Plombier / Plombière sanitaire", title: "Plombier / plombière" },
  // industry and repair
  { code: "H2105", label: "Agent / Agente de production en industrie alimentaire", title: "Opérateur / opératrice de production" },
  { code: "H3302", label: "Agent / Agente de conditionnement", title: "Agent(e) de conditionnement" },
  { code: "H2909", label: "Assembleur monteur / Assembleuse monteuse", title: "Monteur / monteuse" },
  { code: "H2913", label: "Soudeur / Soudeuse", title: "Soudeur / soudeuse" },
  { code: "I1604", label: "Mécanicien / Mécanicienne automobile", title: "Mécanicien(ne) automobile" },
  // offices
  { code: "M1607", label: "Secrétaire", title: "Secrétaire" },
  { code: "M1601", label: "Chargé / Chargée d'accueil", title: "Agent(e) d'accueil" },
  { code: "M1602", label: "Agent administratif / Agente administrative", title: "Employé(e) administratif(ve)" },
];

const DEMO_JOB_BY_CODE = new Map(DEMO_JOBS.map((j) => [j.code, j]));

/** Job → skill codes (ROME skills, macro-skills and soft skills, no knowledge items), ascending. */
export type SkillsByJob = Map<string, number[]>;

/** A commune as the generators need it. */
export type CommunePlace = { insee: string; name: string; population: number; lat: number; lng: number };

// ---------------------------------------------------------------------------------------------
// Small helpers

const dayCache = new Map<string, string>();

export function addDays(isoDate: string, days: number): string {
  const key = `${isoDate}+${days}`;
  let out = dayCache.get(key);
  if (out === undefined) {
    const d = new Date(`${isoDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    out = d.toISOString().slice(0, 10);
    if (dayCache.size < 10_000) dayCache.set(key, out);
  }
  return out;
}

/** Picks an item with probability proportional to its weight (weights need not sum to 1). */
function pickWeighted<T>(rnd: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** k distinct items of a list, in the list's order (selection sampling, Knuth's algorithm S). */
function sample<T>(rnd: SeededRandom, items: readonly T[], k: number): T[] {
  const n = items.length;
  let need = Math.max(0, Math.min(k, n));
  const out: T[] = [];
  for (let i = 0; i < n && need > 0; i++) {
    if (rnd.next() * (n - i) < need) {
      out.push(items[i]!);
      need--;
    }
  }
  return out;
}

/** A point drawn uniformly in a disc of `maxKm` around `p` (for the benchmark's spread). */
export function jitterPoint(rnd: SeededRandom, p: LngLat, maxKm: number): LngLat {
  const r = maxKm * Math.sqrt(rnd.next());
  const theta = 2 * Math.PI * rnd.next();
  const dLat = (r * Math.cos(theta)) / 111.195;
  const dLng = (r * Math.sin(theta)) / (111.195 * Math.cos((p.lat * Math.PI) / 180));
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lat: round6(p.lat + dLat), lng: round6(p.lng + dLng) };
}

// ---------------------------------------------------------------------------------------------
// Places

/** Draws communes in proportion to their population (cumulative weights, binary search). */
export function communeSampler(communes: readonly CommunePlace[]) {
  if (communes.length === 0) throw new Error("Aucune commune où placer les données de démonstration");
  const cumulative: number[] = [];
  let total = 0;
  // A commune with no recorded population still gets a little weight.
  for (const c of communes) cumulative.push((total += Math.max(1, c.population)));
  return {
    communes,
    total,
    pick: (rnd: SeededRandom): CommunePlace => communes[rnd.weighted(cumulative)]!,
  };
}
export type CommuneSampler = ReturnType<typeof communeSampler>;

// ---------------------------------------------------------------------------------------------
// Profiles

/** Travel limit ranges (km) of each way of travelling. */
export const TRAVEL_LIMITS: Record<TravelMode, readonly [number, number]> = {
  walk: [2, 5],
  bike: [5, 12],
  public_transport: [10, 30],
  car: [15, 50],
  carpool: [10, 30],
  two_wheeler: [10, 30],
};

const byLargeDomain = new WeakMap<readonly JobEntry[], Map<string, JobEntry[]>>();

function jobsOfLargeDomain(jobs: readonly JobEntry[], domain: string): JobEntry[] {
  let map = byLargeDomain.get(jobs);
  if (!map) {
    map = new Map();
    for (const j of jobs) map.set(j.code[0]!, [...(map.get(j.code[0]!) ?? []), j]);
    byLargeDomain.set(jobs, map);
  }
  return map.get(domain) ?? [];
}

function drawJobs(rnd: SeededRandom, jobs: readonly JobEntry[], count: number, near?: string): JobEntry[] {
  const chosen: JobEntry[] = [];
  let guard = 0;
  while (chosen.length < count && guard++ < 50) {
    // People tend to look for jobs of the same field: stay in the first job's large domain most of the time.
    const anchor = chosen[0]?.code ?? near;
    const pool = anchor && rnd.chance(0.6) ? jobsOfLargeDomain(jobs, anchor[0]!) : jobs;
    const j = rnd.pick(pool.length ? pool : jobs);
    if (!chosen.some((c) => c.code === j.code)) chosen.push(j);
  }
  return chosen;
}

export type ProfileOptions = {
  commune: CommunePlace;
  /** today's date (YYYY-MM-DD): availability dates are drawn from it */
  today: string;
  skillsByJob: SkillsByJob;
  externalId?: string | null;
  /** spread the point up to this many km around the commune centre (benchmark); default: commune centre */
  jitterKm?: number;
  /** jobs to draw from (default DEMO_JOBS) */
  jobs?: readonly JobEntry[];
};

/** One beneficiary profile: place, mobility, licence, jobs, skills, availability, consent. */
export function generateProfile(rnd: SeededRandom, opts: ProfileOptions): ProfileData {
  const jobs = opts.jobs ?? DEMO_JOBS;
  const firstName = rnd.pick(FIRST_NAMES);
  const lastName = rnd.pick(LAST_NAMES);
  const centre = { lng: opts.commune.lng, lat: opts.commune.lat };
  const jittered = (opts.jitterKm ?? 0) > 0;
  const point = jittered ? jitterPoint(rnd, centre, opts.jitterKm!) : centre;

  const drivingLicence = pickWeighted<DrivingLicence>(rnd, [["none", 35], ["in_progress", 10], ["B", 50], ["other", 5]]);
  const licensed = drivingLicence === "B" || drivingLicence === "other";
  const hasVehicle = licensed && rnd.chance(0.7);
  const primary: TravelMode = hasVehicle
    ? "car"
    : pickWeighted<TravelMode>(rnd, [["public_transport", 35], ["carpool", 20], ["two_wheeler", 15], ["bike", 15], ["walk", 15]]);
  const travelModes: TravelMode[] = [primary];
  if (primary === "car" && rnd.chance(0.2)) travelModes.push("carpool");
  if (primary !== "walk" && primary !== "bike" && rnd.chance(0.3)) travelModes.push("walk");
  const [lo, hi] = TRAVEL_LIMITS[primary];
  const maxDistanceKm = rnd.int(lo, hi);

  const sought = drawJobs(rnd, jobs, rnd.int(1, 3));
  const done = drawJobs(rnd, jobs, rnd.int(0, 2), sought[0]?.code).filter((j) => !sought.some((s) => s.code === j.code));
  const profileJobs: ProfileJob[] = [
    ...sought.map((j) => ({ kind: "sought" as const, romeCode: j.code, label: j.label })),
    ...done.map((j) => ({ kind: "done" as const, romeCode: j.code, label: j.label, years: rnd.int(1, 20) / 2 })),
  ];
  const drawn: number[] = [];
  for (const j of sought.concat(done)) {
    const all = opts.skillsByJob.get(j.code) ?? [];
    const share = 0.25 + 0.35 * rnd.next();
    for (const s of sample(rnd, all, Math.round(all.length * share))) drawn.push(s);
  }
  drawn.sort((a, b) => a - b);
  const skillCodes = drawn.filter((s, i) => i === 0 || s !== drawn[i - 1]);

  let shifts = rnd.chance(0.95) ? SHIFTS.day : SHIFTS.night;
  if (rnd.chance(0.25)) shifts |= SHIFTS.night;
  if (rnd.chance(0.4)) shifts |= SHIFTS.weekend;

  const formations: ProfileFormation[] = [];
  if (rnd.chance(0.15) && sought[0]) {
    const f = formationFor(sought[0].code);
    formations.push({
      title: f?.title ?? `Formation ${sought[0].title}`,
      romeCodes: [sought[0].code],
      year: Number(opts.today.slice(0, 4)) - rnd.int(0, 5),
      completed: rnd.chance(0.85),
    });
  }

  return {
    externalId: opts.externalId ?? null,
    firstName,
    lastName,
    communeInsee: opts.commune.insee,
    point,
    preciseLocation: jittered,
    travelModes,
    maxDistanceKm,
    drivingLicence,
    hasVehicle,
    availableFrom: rnd.chance(0.5) ? null : addDays(opts.today, rnd.int(0, 45)),
    shifts,
    fullTime: pickWeighted<boolean | null>(rnd, [[true, 45], [false, 35], [null, 20]]),
    seeking: rnd.chance(0.9),
    visibleToEmployers: rnd.chance(0.8),
    skillCodes,
    jobs: profileJobs,
    formations,
  };
}

// ---------------------------------------------------------------------------------------------
// Offers

const CONTRACT_WEIGHTS: ReadonlyArray<readonly [Contract, number]> = [
  ["cdi", 30], ["cdd", 30], ["interim", 15], ["insertion", 10], ["apprenticeship", 5], ["seasonal", 10],
];
const DRIVING_JOBS = new Set(["N4105", "N4103", "N4101"]);

export type OfferOptions = {
  employerId: string;
  commune: CommunePlace;
  today: string;
  skillsByJob: SkillsByJob;
  externalId?: string | null;
  createdBy?: string | null;
  /** draw the job from these codes most of the time (an employer's trade) */
  preferredJobs?: readonly string[];
  /** benchmark: every ROME job sheet, drawn `1 - listShare` of the time instead of DEMO_JOBS */
  allJobs?: ReadonlyArray<{ code: string; label: string }>;
  listShare?: number;
  jitterKm?: number;
};

function offerJob(rnd: SeededRandom, opts: OfferOptions): JobEntry {
  if (opts.allJobs?.length && !rnd.chance(opts.listShare ?? 0.7)) {
    const j = rnd.pick(opts.allJobs);
    return { code: j.code, label: j.label, title: j.label };
  }
  const preferred = (opts.preferredJobs ?? []).map((c) => DEMO_JOB_BY_CODE.get(c)).filter((j): j is JobEntry => !!j);
  if (preferred.length && rnd.chance(0.8)) return rnd.pick(preferred);
  return rnd.pick(DEMO_JOBS);
}

/** One job offer: job, required skills among that job's skills, radius, contract, hours, shifts, dates, status. */
export function generateOffer(rnd: SeededRandom, opts: OfferOptions): OfferData {
  const job = offerJob(rnd, opts);
  const jobSkills = opts.skillsByJob.get(job.code) ?? [];
  const required = sample(rnd, jobSkills, rnd.int(2, 5));
  const wished = sample(rnd, jobSkills.filter((s) => !required.includes(s)), rnd.int(0, 2));
  const contract = job.code.startsWith("A") && rnd.chance(0.5) ? "seasonal" : pickWeighted(rnd, CONTRACT_WEIGHTS);
  const shifts = pickWeighted<number>(rnd, [
    [SHIFTS.day, 70],
    [SHIFTS.day | SHIFTS.weekend, 15],
    [SHIFTS.night, 5],
    [SHIFTS.day | SHIFTS.night, 5],
    [SHIFTS.night | SHIFTS.weekend, 5],
  ]);
  const vehicleRequired = DRIVING_JOBS.has(job.code) ? false : rnd.chance(0.08);
  const licenceRequired = DRIVING_JOBS.has(job.code) || vehicleRequired || rnd.chance(0.12);
  const startsOn = addDays(opts.today, rnd.int(0, 60));
  const centre = { lng: opts.commune.lng, lat: opts.commune.lat };
  const hoursPerWeek = rnd.pick([35, 35, 35, 35, 24, 28, 30, 20, 39]);
  return {
    externalId: opts.externalId ?? null,
    employerId: opts.employerId,
    title: job.title,
    romeCode: job.code,
    requiredSkills: required,
    wishedSkills: wished,
    description: `Poste de ${job.title.toLowerCase()} à ${opts.commune.name}, ${hoursPerWeek} h par semaine. Débutants acceptés, formation au poste.`,
    communeInsee: opts.commune.insee,
    point: (opts.jitterKm ?? 0) > 0 ? jitterPoint(rnd, centre, opts.jitterKm!) : centre,
    radiusKm: rnd.int(10, 40),
    contract,
    hoursPerWeek,
    shifts,
    licenceRequired,
    vehicleRequired,
    positions: pickWeighted(rnd, [[1, 70], [2, 20], [3, 10]]),
    startsOn,
    expiresOn: addDays(startsOn, rnd.int(30, 90)),
    status: rnd.chance(0.9) ? "published" : pickWeighted<OfferStatus>(rnd, [["draft", 1], ["filled", 1], ["closed", 1]]),
    createdBy: opts.createdBy ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Formations

/** Training courses that lead to the demo jobs (titles as French providers name them). */
export const FORMATION_TEMPLATES: ReadonlyArray<{ title: string; romeCodes: readonly string[] }> = [
  { title: "Diplôme d'État d'aide-soignant (DEAS)", romeCodes: ["J1501"] },
  { title: "Agent de service hospitalier : hygiène et bionettoyage", romeCodes: ["J1301", "K2205"] },
  { title: "Titre professionnel Assistant de vie aux familles", romeCodes: ["K1311", "K1302"] },
  { title: "CAP Accompagnant éducatif petite enfance", romeCodes: ["K1310"] },
  { title: "BAFA – brevet d'aptitude aux fonctions d'animateur", romeCodes: ["G1203"] },
  { title: "Titre professionnel Agent de propreté et d'hygiène", romeCodes: ["K2205"] },
  { title: "Titre professionnel Agent de sûreté et de sécurité privée", romeCodes: ["K2503"] },
  { title: "Titre professionnel Préparateur de commandes en entrepôt", romeCodes: ["N1103", "N1105"] },
  { title: "CACES R489 chariots de manutention", romeCodes: ["N1101", "N1110"] },
  { title: "Titre professionnel Conducteur livreur sur véhicule utilitaire léger", romeCodes: ["N4105"] },
  { title: "Titre professionnel Conducteur du transport en commun sur route", romeCodes: ["N4103"] },
  { title: "Titre professionnel Serveur en restauration", romeCodes: ["G1803"] },
  { title: "Titre professionnel Agent de restauration", romeCodes: ["G1602", "G1605", "G1603", "G1607"] },
  { title: "Titre professionnel Employé commercial en magasin", romeCodes: ["D1507", "D1505"] },
  { title: "CAPa Métiers de l'agriculture", romeCodes: ["A1419", "A1433", "A1418"] },
  { title: "CAPa Jardinier paysagiste", romeCodes: ["A1208", "A1203"] },
  { title: "Titre professionnel Maçon", romeCodes: ["F1703", "F1704"] },
  { title: "Titre professionnel Peintre en bâtiment", romeCodes: ["F1606", "F1604"] },
  { title: "Titre professionnel Électricien d'équipement du bâtiment", romeCodes: ["F1602"] },
  { title: "Titre professionnel Agent de fabrication industrielle", romeCodes: ["H2105", "H3302", "H2909"] },
  { title: "Titre professionnel Soudeur assembleur industriel", romeCodes: ["H2913"] },
  { title: "Titre professionnel Secrétaire assistant", romeCodes: ["M1607", "M1602", "M1601"] },
];

function formationFor(romeCode: string) {
  return FORMATION_TEMPLATES.find((f) => f.romeCodes.includes(romeCode));
}

export type FormationOptions = {
  commune: CommunePlace;
  today: string;
  providerName: string;
  providerUserId?: string | null;
  externalId?: string | null;
};

/** One formation: a title leading to 1–2 ROME jobs, dates, seats, status. */
export function generateFormation(rnd: SeededRandom, opts: FormationOptions): FormationData {
  const template = rnd.pick(FORMATION_TEMPLATES);
  const romeCodes = sample(rnd, template.romeCodes, Math.min(template.romeCodes.length, rnd.int(1, 2)));
  const startsOn = addDays(opts.today, rnd.int(7, 120));
  return {
    externalId: opts.externalId ?? null,
    providerName: opts.providerName,
    providerUserId: opts.providerUserId ?? null,
    title: template.title,
    description: `Formation à ${opts.commune.name}, ouverte aux personnes en recherche d'emploi. Financement possible.`,
    romeCodes,
    communeInsee: opts.commune.insee,
    point: { lng: opts.commune.lng, lat: opts.commune.lat },
    startsOn,
    endsOn: addDays(startsOn, rnd.int(30, 180)),
    seats: rnd.int(8, 16),
    status: rnd.chance(0.9) ? "published" : "draft",
  };
}

// ---------------------------------------------------------------------------------------------
// Companies

/** The digit that makes `prefix + digit` pass the Luhn check. */
export function luhnCheckDigit(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(`${prefix}${d}`)) return String(d);
  throw new Error("unreachable");
}

/** A made-up SIRET whose SIREN (9 digits) and SIRET (14 digits) both pass the Luhn check. */
export function generateSiret(rnd: SeededRandom): string {
  let siren8 = String(rnd.int(1, 9));
  for (let i = 0; i < 7; i++) siren8 += String(rnd.int(0, 9));
  const siren = siren8 + luhnCheckDigit(siren8);
  const nic4 = `000${rnd.int(1, 9)}`;
  return siren + nic4 + luhnCheckDigit(siren + nic4);
}

// ---------------------------------------------------------------------------------------------
// ROME files (for the benchmark, which does not load the referential into the database)

/**
 * Job sheets and job → skills links from the ROME CSV texts, with the same rules as the
 * referential import: links of the skills block whose code is a skill, macro-skill or soft
 * skill (not a knowledge item). Skill lists are ascending, jobs sorted by code.
 */
export function parseRomeJobSkills(texts: { jobs: string; skills: string; links: string }) {
  const SKILLS_BLOCK = "5";
  const jobs = csvObjects(parseCsv(texts.jobs, ","))
    .map((r) => ({ code: r.code_rome!, label: r.libelle_rome! }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const jobCodes = new Set(jobs.map((j) => j.code));
  const skillCodes = new Set(csvObjects(parseCsv(texts.skills, ",")).map((r) => Number(r.code_ogr)));
  const sets = new Map<string, Set<number>>();
  for (const r of csvObjects(parseCsv(texts.links, ","))) {
    const code = Number(r.code_ogr);
    if (r.code_compo_bloc !== SKILLS_BLOCK || !jobCodes.has(r.code_rome!) || !skillCodes.has(code)) continue;
    let s = sets.get(r.code_rome!);
    if (!s) sets.set(r.code_rome!, (s = new Set()));
    s.add(code);
  }
  const skillsByJob: SkillsByJob = new Map([...sets].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
  return { jobs, skillsByJob };
}

