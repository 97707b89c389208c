import { eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { users, type Role } from "../auth/schema";
import { saveFormation } from "../formations/save";
import { spreadDemoDates } from "./dates";
import { seedFollowUp, type FollowUpReport } from "./followup";
import type { InstanceConfig } from "../config/config";
import { territoryOfCommune } from "../instance/territories";
import { seededRandom, type SeededRandom } from "../lib/random";
import { haversineKm } from "../geo/distance";
import { upsertEmployer } from "../organisations/employers";
import { organisationMembers, organisations, type OrganisationKind } from "../organisations/schema";
import { saveOffer, type OfferData } from "../offers/save";
import { beneficiaryProfiles } from "../profiles/schema";
import { saveProfile, type ProfileData } from "../profiles/save";
import {
  DEMO_JOBS,
  FIRST_NAMES,
  LAST_NAMES,
  communeSampler,
  generateFormation,
  generateOffer,
  generateProfile,
  generateSiret,
  TRAVEL_LIMITS,
  type CommunePlace,
  type SkillsByJob,
} from "./generate";
import { todayIn } from "../../lib/dates";

/** Every demo account shares this password; the demo prints it. Never used outside the demo. */
export const DEMO_PASSWORD = "Demo2026!emploi";
export const DEMO_DOMAIN = "demo.emploi41.fr";

/** How much demo data the seed writes. */
export const DEMO_SIZES = { profiles: 300, offers: 80, otherEmployers: 10, formations: 20 } as const;

export type DemoAccount = { role: Role; email: string; name: string; territory?: string };
export type CreatedUpdated = { created: number; updated: number };
export type DemoReport = {
  accounts: DemoAccount[];
  /** accounts created by this run */
  created: number;
  /** accounts already there */
  existing: number;
  profiles: CreatedUpdated;
  employers: { created: number; existing: number };
  offers: CreatedUpdated;
  formations: CreatedUpdated;
  followUp: FollowUpReport;
};

/** Companies of the demo: the first five belong to the demo employer accounts. Jobs are their trades. */
const COMPANIES: ReadonlyArray<{ name: string; jobs: readonly string[] }> = [
  { name: "Résidence Les Tilleuls (EHPAD)", jobs: ["J1501", "J1301", "K2205", "G1607", "G1605"] },
  { name: "Logistique du Centre", jobs: ["N1103", "N1101", "N1110", "N1105", "N4105"] },
  { name: "Brasserie de la Place", jobs: ["G1803", "G1602", "G1605", "G1603", "G1501"] },
  { name: "Supermarché Le Panier", jobs: ["D1507", "D1505", "D1106", "N1105", "K2503"] },
  { name: "Bâtir Ensemble", jobs: ["F1703", "F1704", "F1606", "F1604", "F1602", "F1603"] },
  { name: "Domicile Solidarité", jobs: ["K1302", "K1311", "K1304", "K1310"] },
  { name: "Les Vergers Réunis", jobs: ["A1419", "A1433", "A1418"] },
  { name: "Jardins et Paysages", jobs: ["A1208", "A1203"] },
  { name: "Sécurité Services", jobs: ["K2503", "K2205"] },
  { name: "Conserverie du Val", jobs: ["H2105", "H3302", "N1105"] },
  { name: "Métallerie Moderne", jobs: ["H2913", "H2909"] },
  { name: "Garage Central", jobs: ["I1604"] },
  { name: "Services intercommunaux", jobs: ["M1607", "M1601", "M1602", "G1203", "I1203"] },
  { name: "Transports Voyageurs Réunis", jobs: ["N4103", "N4101", "N4105"] },
  { name: "Prêt-à-porter Mode & Prix", jobs: ["D1214", "D1505"] },
];
const PROVIDERS = ["Centre de formation Avenir Métiers", "Institut régional de formation professionnelle"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The demo dataset of the instance, deterministic: accounts of every role (one adviser per
 * territory, an admin, employers, training organisations, beneficiaries), then beneficiary
 * profiles over the instance's communes in proportion to population, companies and their
 * offers, and formations. Accounts already there are left as they are; profiles, offers and
 * formations are upserted by external id (DEMO-P-…, DEMO-O-…, DEMO-F-…), so a second run
 * creates nothing. Needs the reference data (communes, ROME) and the territories loaded.
 */
export async function seedDemo(db: Database, config: InstanceConfig, today = todayIn(config.timeZone)): Promise<DemoReport> {
  const rnd = seededRandom(41);
  const person = () => ({ firstName: rnd.pick(FIRST_NAMES), lastName: rnd.pick(LAST_NAMES) });
  const accounts: Array<DemoAccount & { firstName: string; lastName: string }> = [];
  const add = (role: Role, local: string, names: { firstName: string; lastName: string }, territory?: string) =>
    accounts.push({ role, email: `${local}@${DEMO_DOMAIN}`, name: `${names.firstName} ${names.lastName}`, territory, ...names });

  add("admin", "admin", { firstName: "Agnès", lastName: "Administratrice" });
  for (const t of config.territories) add("adviser", `conseiller.${t.code}`, person(), t.code);
  for (let i = 1; i <= 5; i++) add("employer", `employeur${i}`, person());
  for (let i = 1; i <= 2; i++) add("training_org", `organisme${i}`, person());
  for (let i = 1; i <= 20; i++) add("beneficiary", `beneficiaire${i}`, person(), config.territories[(i - 1) % config.territories.length]!.code);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const a of accounts) {
      const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.email)).limit(1);
      if (existing.length) continue;
      const [u] = await tx
        .insert(users)
        .values({
          email: a.email,
          passwordHash,
          role: a.role,
          firstName: a.firstName,
          lastName: a.lastName,
          territoryCode: a.territory ?? null,
          status: "active",
        })
        .returning({ id: users.id });
      await recordAudit(tx as unknown as Database, {
        actorId: null,
        action: "account.create",
        subjectType: "user",
        subjectId: u!.id,
        details: { role: a.role, demo: true },
      });
      created++;
    }
  });

  const userRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, accounts.map((a) => a.email)));
  const userId = new Map(userRows.map((u) => [u.email!, u.id]));
  const idOf = (local: string) => userId.get(`${local}@${DEMO_DOMAIN}`)!;

  const data = await seedMatchingData(db, config, today, {
    adviserOf: (territory) => userId.get(`conseiller.${territory}@${DEMO_DOMAIN}`) ?? null,
    beneficiaries: accounts
      .filter((a) => a.role === "beneficiary")
      .map((a) => ({ userId: userId.get(a.email)!, email: a.email, firstName: a.firstName, lastName: a.lastName, territory: a.territory! })),
    employerUserIds: [1, 2, 3, 4, 5].map((i) => idOf(`employeur${i}`)),
    providerUserIds: [1, 2].map((i) => idOf(`organisme${i}`)),
  });
  await spreadDemoDates(db, today);
  const followUp = await seedFollowUp(db, config, today);

  return {
    accounts: accounts.map(({ role, email, name, territory }) => ({ role, email, name, territory })),
    created,
    existing: accounts.length - created,
    ...data,
    followUp,
  };
}

type DemoPeople = {
  adviserOf: (territory: string) => string | null;
  beneficiaries: Array<{ userId: string; email: string; firstName: string; lastName: string; territory: string }>;
  employerUserIds: string[];
  providerUserIds: string[];
};

class DemoDataError extends Error {}

async function instanceCommunes(db: Database, config: InstanceConfig): Promise<CommunePlace[]> {
  const rows = await queryRows<CommunePlace>(
    db,
    sql`select insee, name, population::int as population,
          ST_Y(location::geometry)::float8 as lat, ST_X(location::geometry)::float8 as lng
        from communes where departement in (${sql.join(config.departements.map((d) => sql`${d}`), sql`, `)})
        order by insee`,
  );
  if (rows.length === 0) {
    throw new DemoDataError(
      `Aucune commune pour le département ${config.departements.join(", ")} : chargez d'abord les référentiels (npm run cli -- ref import).`,
    );
  }
  return rows.map((r) => ({ ...r, population: Number(r.population), lat: Number(r.lat), lng: Number(r.lng) }));
}

async function demoJobSkills(db: Database): Promise<SkillsByJob> {
  const rows = await queryRows<{ rome_code: string; skill_code: number }>(
    db,
    sql`select js.rome_code, js.skill_code::int as skill_code
        from rome_job_skills js join rome_skills s on s.ogr_code = js.skill_code
        where s.kind in ('skill', 'macro_skill', 'soft_skill')
          and js.rome_code in (${sql.join(DEMO_JOBS.map((j) => sql`${j.code}`), sql`, `)})
        order by js.rome_code, js.skill_code`,
  );
  if (rows.length === 0) throw new DemoDataError("Le référentiel ROME n'est pas chargé : lancez d'abord npm run cli -- ref import.");
  const map: SkillsByJob = new Map();
  for (const r of rows) {
    const list = map.get(r.rome_code) ?? [];
    list.push(Number(r.skill_code));
    map.set(r.rome_code, list);
  }
  return map;
}

/** Offers a demo account's profile is built to match: published, open, and reaching the profile. */
function reaches(o: OfferData, p: { lat: number; lng: number }, today: string): number | null {
  if (o.status !== "published" || (o.expiresOn && o.expiresOn < today)) return null;
  const d = haversineKm(o.point, p);
  return d <= o.radiusKm - 0.5 ? d : null;
}

async function seedMatchingData(db: Database, config: InstanceConfig, today: string, people: DemoPeople) {
  const communes = await instanceCommunes(db, config);
  const skillsByJob = await demoJobSkills(db);
  const sampler = communeSampler(communes);

  // Territories of the communes (null when the territories were not synced).
  const territoryOf = new Map<string, string | null>();
  for (const c of communes) territoryOf.set(c.insee, await territoryOfCommune(db, c.insee));
  const samplerOf = new Map<string, ReturnType<typeof communeSampler>>();
  for (const t of config.territories) {
    const inT = communes.filter((c) => territoryOf.get(c.insee) === t.code);
    if (inT.length) samplerOf.set(t.code, communeSampler(inT));
  }

  // Each part has its own seeded stream, so changing one part leaves the others as they were.
  const organisationRnd = seededRandom(4101);
  const offerRnd = seededRandom(4102);
  const profileRnd = seededRandom(4103);
  const formationRnd = seededRandom(4104);

  // Companies: the five demo employers' first, then the others.
  const companies = COMPANIES.slice(0, 5 + DEMO_SIZES.otherEmployers).map((c, i) => ({
    ...c,
    siret: generateSiret(organisationRnd),
    commune: i < 5 ? communes.slice().sort((a, b) => b.population - a.population)[i % Math.min(5, communes.length)]! : sampler.pick(organisationRnd),
    ownerUserId: i < 5 ? people.employerUserIds[i]! : null,
  }));
  const employerCounts = { created: 0, existing: 0 };
  const employerIds: string[] = [];
  const organisation = async (kind: OrganisationKind, siret: string, name: string, commune: CommunePlace, ownerUserId: string | null) => {
    const [known] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, siret)).limit(1);
    const id = known?.id ?? (await upsertEmployer(db, { kind, siret, name, communeInsee: commune.insee, point: commune }));
    employerCounts[known ? "existing" : "created"]++;
    // The demo account owns its organisation (unless it already belongs to another one).
    if (ownerUserId) await db.insert(organisationMembers).values({ userId: ownerUserId, employerId: id, isOwner: true }).onConflictDoNothing();
    return id;
  };
  for (const c of companies) employerIds.push(await organisation("company", c.siret, c.name, c.commune, c.ownerUserId));
  // Training organisations: drawn after the companies, so the companies' SIRETs stay the same.
  const providerIds: string[] = [];
  for (const [i, name] of PROVIDERS.entries()) {
    providerIds.push(await organisation("training_org", generateSiret(organisationRnd), name, sampler.pick(organisationRnd), people.providerUserIds[i] ?? null));
  }

  // Offers: 8–15 for each demo employer account (near their company), the rest spread over the others.
  const perAccount = companies.slice(0, 5).map(() => offerRnd.int(8, 15));
  const othersTotal = Math.max(DEMO_SIZES.otherEmployers, DEMO_SIZES.offers - perAccount.reduce((s, n) => s + n, 0));
  const offerPlan: Array<{ company: number }> = [];
  perAccount.forEach((n, i) => offerPlan.push(...Array.from({ length: n }, () => ({ company: i }))));
  for (let k = 0; k < othersTotal; k++) offerPlan.push({ company: 5 + (k % DEMO_SIZES.otherEmployers) });
  const offerData: OfferData[] = offerPlan.map(({ company }, k) => {
    const c = companies[company]!;
    const first = k === 0 || offerPlan[k - 1]!.company !== company;
    const o = generateOffer(offerRnd, {
      employerId: employerIds[company]!,
      // Most offers at the company's site, some in other communes it serves.
      commune: offerRnd.chance(0.6) ? c.commune : sampler.pick(offerRnd),
      today,
      skillsByJob,
      externalId: `DEMO-O-${pad(k + 1, 3)}`,
      createdBy: c.ownerUserId,
      preferredJobs: c.jobs,
    });
    // A demo employer's first offer is always live, so its candidates show in the demo.
    if (first && c.ownerUserId) Object.assign(o, { status: "published", startsOn: today, expiresOn: o.expiresOn! < today ? today : o.expiresOn });
    return o;
  });

  // Profiles: the first ones belong to the demo beneficiary accounts, built to match a live
  // offer near them (the first five match the demo employers' first offers).
  const firstOffers = perAccount.map((_, i) => offerData[perAccount.slice(0, i).reduce((s, n) => s + n, 0)]!);
  const profileData: Array<ProfileData & { territoryCode: string | null }> = [];
  for (let k = 0; k < DEMO_SIZES.profiles; k++) {
    const account = people.beneficiaries[k];
    let commune = (account && samplerOf.get(account.territory)?.pick(profileRnd)) || sampler.pick(profileRnd);
    let p = generateProfile(profileRnd, { commune, today, skillsByJob, externalId: `DEMO-P-${pad(k + 1, 4)}` });
    if (account) {
      ({ commune, p } = fitToAnOffer(profileRnd, p, commune, k < 5 ? firstOffers[k]! : null, offerData, communes, territoryOf, account.territory, today, skillsByJob));
      Object.assign(p, {
        userId: account.userId,
        email: account.email,
        firstName: account.firstName,
        lastName: account.lastName,
        seeking: true,
        visibleToEmployers: true,
      });
    }
    const territoryCode = territoryOf.get(commune.insee) ?? (await territoryOfCommune(db, commune.insee));
    profileData.push({ ...p, territoryCode, adviserId: territoryCode ? people.adviserOf(territoryCode) : null });
  }

  const formationData = Array.from({ length: DEMO_SIZES.formations }, (_, k) => ({
    ...generateFormation(formationRnd, {
      commune: sampler.pick(formationRnd),
      today,
      providerName: PROVIDERS[k % PROVIDERS.length]!,
      providerUserId: people.providerUserIds[k % people.providerUserIds.length] ?? null,
      externalId: `DEMO-F-${pad(k + 1, 2)}`,
    }),
    organisationId: providerIds[k % PROVIDERS.length]!,
  }));

  // Writes: upserts by external id.
  const offersReport = { created: 0, updated: 0 };
  for (const o of offerData) offersReport[(await saveOffer(db, o)).created ? "created" : "updated"]++;

  const profilesReport = { created: 0, updated: 0 };
  const linked = await db
    .select({ id: beneficiaryProfiles.id, userId: beneficiaryProfiles.userId, externalId: beneficiaryProfiles.externalId })
    .from(beneficiaryProfiles)
    .where(inArray(beneficiaryProfiles.userId, people.beneficiaries.map((b) => b.userId)));
  for (const p of profileData) {
    // A demo account may already have a profile of its own (made through the app): update that one.
    const existingId = p.userId ? linked.find((l) => l.userId === p.userId)?.id : undefined;
    profilesReport[(await saveProfile(db, p, existingId)).created ? "created" : "updated"]++;
  }

  const formationsReport = { created: 0, updated: 0 };
  for (const f of formationData) formationsReport[(await saveFormation(db, f)).created ? "created" : "updated"]++;

  return { profiles: profilesReport, employers: employerCounts, offers: offersReport, formations: formationsReport };
}

/**
 * Makes a demo account's profile match a live offer: the given one, else the nearest live
 * offer reaching the person; moves the person within reach (in their territory when possible)
 * and gives them the offer's job, shifts, licence and vehicle as needed.
 */
function fitToAnOffer(
  rnd: SeededRandom,
  p: ProfileData,
  commune: CommunePlace,
  target: OfferData | null,
  offers: OfferData[],
  communes: CommunePlace[],
  territoryOf: Map<string, string | null>,
  territory: string,
  today: string,
  skillsByJob: SkillsByJob,
): { commune: CommunePlace; p: ProfileData } {
  let offer = target;
  if (!offer) {
    const inReach = offers
      .map((o) => ({ o, d: reaches(o, commune, today) }))
      .filter((x): x is { o: OfferData; d: number } => x.d !== null)
      .sort((a, b) => a.d - b.d);
    offer = inReach[0]?.o ?? offers.find((o) => reaches(o, o.point, today) !== null) ?? offers[0]!;
  }
  if (reaches(offer, commune, today) === null) {
    const candidates = communes.filter((c) => reaches(offer, c, today) !== null);
    const own = candidates.filter((c) => territoryOf.get(c.insee) === territory);
    const pool = own.length ? own : candidates;
    commune = pool.length ? communeSampler(pool).pick(rnd) : communes.find((c) => c.insee === offer.communeInsee) ?? commune;
  }
  const d = haversineKm(offer.point, commune);
  const jobLabel = DEMO_JOBS.find((j) => j.code === offer.romeCode)?.label ?? offer.title;
  const jobs = [{ kind: "sought" as const, romeCode: offer.romeCode, label: jobLabel }, ...p.jobs.filter((j) => j.romeCode !== offer.romeCode)];
  const ownSkills = (skillsByJob.get(offer.romeCode) ?? []).filter((_, i) => i % 2 === 0);
  const needKm = Math.ceil(d) + 2;
  // A way of travelling that covers the distance (walking does not cover 20 km).
  let travelModes = p.travelModes;
  let drivingLicence = p.drivingLicence;
  let hasVehicle = p.hasVehicle || offer.vehicleRequired;
  if (offer.vehicleRequired || TRAVEL_LIMITS[travelModes[0]!][1] < needKm) {
    const mode = offer.vehicleRequired || needKm > TRAVEL_LIMITS.public_transport[1] ? "car" : "public_transport";
    travelModes = [mode, ...travelModes.filter((m) => m !== mode)];
    if (mode === "car") hasVehicle = true;
  }
  if ((offer.licenceRequired || hasVehicle) && drivingLicence !== "B" && drivingLicence !== "other") drivingLicence = "B";
  return {
    commune,
    p: {
      ...p,
      communeInsee: commune.insee,
      point: { lng: commune.lng, lat: commune.lat },
      jobs,
      skillCodes: [...new Set([...p.skillCodes, ...ownSkills, ...offer.requiredSkills.slice(0, 1)])].sort((a, b) => a - b),
      shifts: p.shifts | offer.shifts,
      availableFrom: null,
      drivingLicence,
      hasVehicle,
      travelModes,
      maxDistanceKm: Math.max(p.maxDistanceKm, needKm),
    },
  };
}
