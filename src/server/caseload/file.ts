import { TRPCError } from "@trpc/server";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { myApplications, myProposals } from "../applications/domain";
import { applications as applicationsTable, proposals as proposalsTable } from "../applications/schema";
import { recordAudit } from "../audit/record";
import { users } from "../auth/schema";
import type { Database } from "../db/client";
import { organisations } from "../organisations/schema";
import { checkIns, placements } from "../followup/schema";
import { loadProfile } from "../profiles/load";
import { profileView } from "../profiles/router";
import type { SessionUser } from "../trpc/context";
import { CATEGORIES, type Channel, type Frequency } from "../notifications/categories";
import { preferencesOf, reachOf } from "../notifications/preferences";
import { notesOf, userNames } from "./manage";

/** How the platform's messages reach the person, as advisers see them (they cannot change it). */
export type Reach = {
  email: string | null;
  /** the relay refused the address for good: "les e-mails n'arrivent plus" */
  emailFailing: boolean;
  /** a phone number is given (SMS possible) */
  phone: boolean;
  pushDevices: number;
  alertsFrequency: Frequency;
  categories: { label: string; channels: Channel[]; frequency: Frequency }[];
};

/** The ways to reach a person with an active account (null without one: only their adviser reaches them). */
async function reachOfPerson(db: Database, userId: string | null, accountStatus: string | undefined): Promise<Reach | null> {
  if (!userId || accountStatus !== "active") return null;
  const [reach, prefs] = await Promise.all([reachOf(db, userId), preferencesOf(db, userId, "beneficiary")]);
  if (!reach) return null;
  return {
    email: reach.email,
    emailFailing: Boolean(reach.failing),
    phone: Boolean(reach.phone),
    pushDevices: reach.devices,
    alertsFrequency: prefs.find((p) => p.category === "job_alert")?.frequency ?? "weekly",
    categories: prefs.map((p) => ({ label: CATEGORIES[p.category].label, channels: p.channels, frequency: p.frequency })),
  };
}

export type TimelineEvent = {
  /** ISO timestamp, or YYYY-MM-DD for events known by their day only */
  at: string;
  kind: "profile" | "application" | "proposal" | "placement" | "check_in" | "note";
  label: string;
};

const APPLICATION_LABELS = {
  sent: "envoyée",
  seen: "lue par l'employeur",
  interview: "entretien proposé",
  hired: "embauche",
  declined: "non retenue",
  withdrawn: "retirée",
} as const;
const CHECK_IN_LABELS = {
  pending: "à faire",
  in_post: "toujours en poste",
  ended: "emploi terminé",
  unreachable: "personne injoignable",
  cancelled: "annulé",
} as const;

/** A person's placements with their check-ins, newest first (the file and the personal-data export). */
export async function placementsOf(db: Database, profileId: string) {
  const rows = await db
    .select({ p: placements, companyName: organisations.name })
    .from(placements)
    .leftJoin(organisations, eq(organisations.id, placements.employerId))
    .where(eq(placements.profileId, profileId))
    .orderBy(desc(placements.startsOn), desc(placements.createdAt));
  const ids = rows.map((r) => r.p.id);
  const calls = ids.length
    ? await db.select().from(checkIns).where(inArray(checkIns.placementId, ids)).orderBy(asc(checkIns.monthsAfter))
    : [];
  return rows.map(({ p, companyName }) => ({
    id: p.id,
    employerName: p.employerName ?? companyName ?? null,
    source: p.source,
    jobTitle: p.jobTitle,
    contract: p.contract,
    hoursPerWeek: p.hoursPerWeek,
    startsOn: p.startsOn,
    status: p.status,
    endedOn: p.endedOn,
    endReason: p.endReason,
    offerId: p.offerId,
    createdAt: p.createdAt,
    checkIns: calls
      .filter((c) => c.placementId === p.id)
      .map((c) => ({
        id: c.id,
        monthsAfter: c.monthsAfter,
        dueOn: c.dueOn,
        status: c.status,
        endReason: c.endReason,
        note: c.note,
        recordedAt: c.recordedAt,
      })),
  }));
}

/**
 * A person's file for an adviser or an admin (access already checked by the caller). Every
 * opening is written to the audit trail: who opened whose file, and when.
 */
export async function openFile(db: Database, user: SessionUser, profileId: string) {
  const stored = await loadProfile(db, profileId);
  if (!stored) throw new TRPCError({ code: "NOT_FOUND", message: "Profil introuvable." });
  await recordAudit(db, { actorId: user.id, action: "profile.file_open", subjectType: "profile", subjectId: profileId });

  const [view, applications, proposals, jobs, notes] = await Promise.all([
    profileView(db, stored),
    myApplications(db, profileId),
    myProposals(db, profileId),
    placementsOf(db, profileId),
    notesOf(db, profileId),
  ]);
  const [appDates, proposalDates] = await Promise.all([
    db
      .select({ id: applicationsTable.id, updatedAt: applicationsTable.updatedAt })
      .from(applicationsTable)
      .where(eq(applicationsTable.profileId, profileId)),
    db
      .select({ id: proposalsTable.id, answeredAt: proposalsTable.answeredAt })
      .from(proposalsTable)
      .where(eq(proposalsTable.profileId, profileId)),
  ]);
  const updatedAt = new Map(appDates.map((r) => [r.id, r.updatedAt]));
  const answeredAt = new Map(proposalDates.map((r) => [r.id, r.answeredAt]));
  const names = await userNames(db, stored.adviserId ? [stored.adviserId] : []);
  const [account] = stored.userId
    ? await db
        .select({ status: users.status, email: users.email, lastSignInAt: users.lastSignInAt })
        .from(users)
        .where(eq(users.id, stored.userId))
        .limit(1)
    : [];
  // part of the file's opening, audited above
  const reach = await reachOfPerson(db, stored.userId ?? null, account?.status);

  const timeline: TimelineEvent[] = [{ at: stored.createdAt.toISOString(), kind: "profile", label: "Profil créé" }];
  for (const a of applications) {
    const what = a.offer?.title ?? a.formation?.title ?? "une offre";
    timeline.push({ at: a.createdAt.toISOString(), kind: "application", label: `Candidature : ${what}` });
    if (a.status !== "sent") {
      // the latest status, dated by its last change
      const at = updatedAt.get(a.id) ?? a.createdAt;
      timeline.push({ at: at.toISOString(), kind: "application", label: `Candidature ${APPLICATION_LABELS[a.status]} : ${what}` });
    }
  }
  for (const p of proposals) {
    const what = p.offer?.title ?? "une offre";
    timeline.push({
      at: p.createdAt.toISOString(),
      kind: "proposal",
      label: p.fromKind === "adviser" ? `Offre proposée par un conseiller : ${what}` : `Demande de contact d'un employeur : ${what}`,
    });
    const answered = answeredAt.get(p.id);
    if (answered && p.status !== "pending") {
      timeline.push({
        at: answered.toISOString(),
        kind: "proposal",
        label: `${p.status === "accepted" ? "Proposition acceptée" : "Proposition refusée"} : ${what}`,
      });
    }
  }
  for (const p of jobs) {
    const where = p.employerName ? ` chez ${p.employerName}` : "";
    timeline.push({ at: p.startsOn, kind: "placement", label: `Début d'emploi : ${p.jobTitle}${where}` });
    if (p.endedOn) timeline.push({ at: p.endedOn, kind: "placement", label: `Fin d'emploi : ${p.jobTitle}${where}` });
    for (const c of p.checkIns) {
      if (c.recordedAt) {
        timeline.push({
          at: c.recordedAt.toISOString(),
          kind: "check_in",
          label: `Suivi à ${c.monthsAfter} mois : ${CHECK_IN_LABELS[c.status]}`,
        });
      }
    }
  }
  for (const n of notes) timeline.push({ at: n.createdAt.toISOString(), kind: "note", label: `Note de ${n.authorName || "conseiller"}` });
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return {
    ...view,
    identity: {
      profileId,
      firstName: stored.firstName,
      lastName: stored.lastName,
      email: stored.email ?? null,
      phone: stored.phone ?? null,
      externalId: stored.externalId ?? null,
      status: stored.status,
      territoryCode: stored.territoryCode ?? null,
      adviserId: stored.adviserId ?? null,
      adviserName: stored.adviserId ? (names.get(stored.adviserId) ?? null) : null,
      account: account ? { status: account.status, email: account.email, lastSignInAt: account.lastSignInAt } : null,
      createdAt: stored.createdAt,
    },
    applications,
    proposals,
    placements: jobs,
    notes,
    timeline,
    reach,
  };
}
