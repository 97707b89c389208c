import { eq } from "drizzle-orm";
import { users } from "../auth/schema";
import type { Database } from "../db/client";
import type { Shift } from "../geo/shifts";
import { loadProfile } from "../profiles/load";
import { profileView } from "../profiles/router";
import type { DrivingLicence, TravelMode } from "../profiles/schema";

/**
 * Who the candidate is and their full CV, for a company they applied to or agreed to be
 * contacted by: what the person's own CV page shows, minus the precise point, the adviser,
 * the département's identifiers, the profile id (the company holds a per-offer handle) and
 * the account's settings.
 */
export type CandidateIdentity = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  communeName: string | null;
  postcode: string | null;
  about: string | null;
  jobsSought: { label: string }[];
  jobsDone: { label: string; years: number | null }[];
  skills: string[];
  qualities: string[];
  formations: { title: string; year: number | null; completed: boolean }[];
  travelModes: TravelMode[];
  maxDistanceKm: number;
  drivingLicence: DrivingLicence;
  hasVehicle: boolean;
  availableFrom: string | null;
  fullTime: boolean | null;
  shifts: Shift[];
};

export async function candidateIdentity(db: Database, profileId: string): Promise<CandidateIdentity | null> {
  const stored = await loadProfile(db, profileId);
  const { profile: p } = await profileView(db, stored);
  if (!p || !stored) return null;
  // a profile created before its account has no e-mail of its own: the account's is the contact
  let email = p.email;
  if (!email && stored.userId) {
    const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, stored.userId)).limit(1);
    email = u?.email ?? null;
  }
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: email ?? null,
    phone: p.phone ?? null,
    communeName: p.commune?.name ?? null,
    postcode: p.commune?.postcodes[0] ?? null,
    about: p.about,
    jobsSought: p.jobs.filter((j) => j.kind === "sought").map((j) => ({ label: j.label })),
    jobsDone: p.jobs.filter((j) => j.kind === "done").map((j) => ({ label: j.label, years: j.years ?? null })),
    skills: p.skills.filter((s) => s.kind !== "soft_skill").map((s) => s.label),
    qualities: p.skills.filter((s) => s.kind === "soft_skill").map((s) => s.label),
    formations: p.formations.map((f) => ({ title: f.title, year: f.year ?? null, completed: f.completed ?? true })),
    travelModes: p.travelModes,
    maxDistanceKm: p.maxDistanceKm,
    drivingLicence: p.drivingLicence,
    hasVehicle: p.hasVehicle,
    availableFrom: p.availableFrom ? String(p.availableFrom) : null,
    fullTime: p.fullTime,
    shifts: p.shifts,
  };
}

/** Name and contact details only (the inbox's list). */
export type CandidateContact = Pick<CandidateIdentity, "firstName" | "lastName" | "email" | "phone" | "communeName">;
