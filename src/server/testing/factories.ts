import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { communeByInsee } from "../referentials/queries";
import { saveProfile, type ProfileData } from "../profiles/save";
import { upsertEmployer } from "../organisations/employers";
import { saveOffer, type OfferData } from "../offers/save";
import { saveFormation, type FormationData } from "../formations/save";
import { organisationMembers, organisations, type OrganisationKind } from "../organisations/schema";
import { makeUser } from "./callers";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let seq = 0;

/** Commune centre of a real commune, for placing test profiles and offers. */
export async function communePoint(db: Database, insee: string) {
  const c = await communeByInsee(db, insee);
  if (!c) throw new Error(`unknown commune ${insee}`);
  return { insee: c.insee, point: { lat: c.lat, lng: c.lng } };
}

/** A searchable profile (active, seeking, visible) at a commune, seeking an aide-soignant job by default. */
export async function makeProfile(db: Database, insee: string, overrides: Partial<ProfileData> = {}) {
  const place = await communePoint(db, insee);
  seq++;
  return saveProfile(db, {
    externalId: `P${seq}`,
    firstName: "Test",
    lastName: `Profil ${seq}`,
    communeInsee: place.insee,
    point: place.point,
    preciseLocation: false,
    travelModes: ["car"],
    maxDistanceKm: 50,
    drivingLicence: "B",
    hasVehicle: true,
    shifts: 1 | 2 | 4,
    seeking: true,
    visibleToEmployers: true,
    skillCodes: [],
    jobs: [{ kind: "sought", romeCode: "J1501", label: "Aide-soignant" }],
    ...overrides,
  });
}

export async function makeOffer(db: Database, insee: string, overrides: Partial<OfferData> = {}) {
  const place = await communePoint(db, insee);
  seq++;
  const employerId = overrides.employerId ?? (await upsertEmployer(db, { name: `Employeur ${seq}` }));
  return saveOffer(db, {
    externalId: `O${seq}`,
    employerId,
    title: "Aide-soignant de nuit",
    romeCode: "J1501",
    requiredSkills: [],
    communeInsee: place.insee,
    point: place.point,
    radiusKm: 30,
    contract: "cdi",
    shifts: 1,
    licenceRequired: false,
    vehicleRequired: false,
    positions: 1,
    startsOn: instanceToday(),
    status: "published",
    ...overrides,
  });
}

export async function makeFormation(db: Database, insee: string, overrides: Partial<FormationData> = {}) {
  const place = await communePoint(db, insee);
  seq++;
  const start = addDays(instanceToday(), 30);
  return saveFormation(db, {
    externalId: `F${seq}`,
    providerName: "Organisme test",
    title: `Formation ${seq}`,
    romeCodes: ["J1501"],
    communeInsee: place.insee,
    point: place.point,
    startsOn: start,
    seats: 12,
    status: "published",
    ...overrides,
  });
}

/** A company (or training organisation) with a SIRET-less row and one owner account, plus optional recruiters. */
export async function makeOrganisation(db: Database, kind: OrganisationKind = "company", recruiters = 0) {
  seq++;
  const [org] = await db
    .insert(organisations)
    .values({ kind, name: `${kind === "company" ? "Entreprise" : "Organisme"} ${seq}`, communeInsee: "41018" })
    .returning();
  const role = kind === "company" ? "employer" : "training_org";
  const owner = await makeUser(db, role);
  await db.insert(organisationMembers).values({ userId: owner.id, employerId: org!.id, isOwner: true });
  const others = [];
  for (let i = 0; i < recruiters; i++) {
    const u = await makeUser(db, role);
    await db.insert(organisationMembers).values({ userId: u.id, employerId: org!.id, addedBy: owner.id });
    others.push(u);
  }
  return { employerId: org!.id, owner, recruiters: others };
}

/** Empties the matcher's tables between tests of one file. */
export async function clearMatchingData(db: Database) {
  await db.execute(sql`truncate beneficiary_profiles, offers, employers, formations cascade`);
}
