// Everything the service keeps about a person, as they can read and download it (RGPD art. 15
// and 20): account, CV, applications, proposals, placements and check-ins, advisers' notes,
// notifications, e-mails sent to them, and every audit event about them — who read or changed
// what, and when. The JSON download, the printable page and its PDF all come from this one object.

import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { myApplications, myProposals } from "../applications/domain";
import { actionLabel, ACTION_LABELS, prefixLabel, subjectLabel } from "../audit/labels";
import { auditEvents } from "../audit/schema";
import { users, type Role } from "../auth/schema";
import { placementsOf } from "../caseload/file";
import { notesOf, userNames } from "../caseload/manage";
import { queryRows, type Database } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { emailOutbox, messageOutbox, notifications, pushSubscriptions } from "../notifications/schema";
import { preferencesOf } from "../notifications/preferences";
import { CATEGORIES, CHANNEL_LABELS, FREQUENCY_LABELS } from "../notifications/categories";
import { organisationMembers, organisations } from "../organisations/schema";
import { loadProfile, profileIdOfUser } from "../profiles/load";
import { profileView } from "../profiles/router";

export const ROLE_LABELS: Record<Role, string> = {
  beneficiary: "Personne accompagnée",
  employer: "Entreprise",
  training_org: "Organisme de formation",
  adviser: "Conseiller ou conseillère",
  admin: "Administrateur du département",
};

/**
 * The French words of an audit action for the person it is about. Unknown codes (added by a
 * newer module) still read as a sentence: a read, or a change, of a kind of data.
 */
export function personActionLabel(action: string): string {
  if (ACTION_LABELS[action]) return actionLabel(action);
  const [prefix = "", verb = ""] = action.split(".");
  const family = prefixLabel(prefix);
  const familyText = family === prefix ? "vos données" : family.toLowerCase();
  if (/(^|_)(read|view|open|see|seen|export|download)/.test(verb)) return `Consultation : ${familyText}`;
  return `Action sur vos données : ${familyText}`;
}

export type AccessEvent = {
  at: Date;
  action: string;
  /** French label of the action */
  label: string;
  /** what the event is about, in French (Personne, Candidature…) */
  about: string;
  /** who did it: "you", the service itself, or a staff member / organisation */
  who:
    | { kind: "self" }
    | { kind: "system" }
    | { kind: "gone" }
    | { kind: "user"; role: Role; roleLabel: string; name: string; organisation: string | null };
};

async function whoIs(db: Database, actorIds: string[]) {
  const ids = [...new Set(actorIds)];
  if (ids.length === 0) return new Map<string, { role: Role; name: string; organisation: string | null }>();
  const rows = await db
    .select({ id: users.id, role: users.role, firstName: users.firstName, lastName: users.lastName, organisation: organisations.name })
    .from(users)
    .leftJoin(organisationMembers, eq(organisationMembers.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, organisationMembers.employerId))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { role: r.role, name: `${r.firstName} ${r.lastName}`.trim(), organisation: r.organisation ?? null }]));
}

/** Every audit event about the person (their profile, account, applications…) or done by them. */
async function accessLog(db: Database, userId: string, profileId: string | null): Promise<AccessEvent[]> {
  const related = profileId
    ? await queryRows<{ id: string }>(
        db,
        sql`select id::text as id from applications where profile_id = ${profileId}::uuid
            union all select id::text from proposals where profile_id = ${profileId}::uuid
            union all select id::text from placements where profile_id = ${profileId}::uuid
            union all select c.id::text from check_ins c join placements pl on pl.id = c.placement_id where pl.profile_id = ${profileId}::uuid`,
      )
    : [];
  const subjects = [userId, ...(profileId ? [profileId] : []), ...related.map((r) => String(r.id))];
  const rows = await db
    .select({ action: auditEvents.action, at: auditEvents.at, actorId: auditEvents.actorId, subjectType: auditEvents.subjectType })
    .from(auditEvents)
    .where(or(inArray(auditEvents.subjectId, subjects), eq(auditEvents.actorId, userId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
  const actors = await whoIs(db, rows.flatMap((r) => (r.actorId && r.actorId !== userId ? [r.actorId] : [])));
  return rows.map((r) => {
    let who: AccessEvent["who"];
    if (r.actorId === userId) who = { kind: "self" };
    else if (!r.actorId) who = { kind: "system" };
    else {
      const a = actors.get(r.actorId);
      who = a ? { kind: "user", role: a.role, roleLabel: ROLE_LABELS[a.role] ?? a.role, name: a.name, organisation: a.organisation } : { kind: "gone" };
    }
    return { at: r.at, action: r.action, label: personActionLabel(r.action), about: subjectLabel(r.subjectType), who };
  });
}

/** Everything the service keeps about a person; null when the account does not exist. */
export async function exportPersonalData(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const profileId = await profileIdOfUser(db, userId);
  const stored = profileId ? await loadProfile(db, profileId) : null;
  const view = stored ? (await profileView(db, stored)).profile : null;
  const adviserName = stored?.adviserId ? ((await userNames(db, [stored.adviserId])).get(stored.adviserId) ?? null) : null;
  const [applications, proposals, placements, notes, history, myNotifications, emails] = await Promise.all([
    profileId ? myApplications(db, profileId) : [],
    profileId ? myProposals(db, profileId) : [],
    profileId ? placementsOf(db, profileId) : [],
    profileId ? notesOf(db, profileId) : [],
    accessLog(db, userId, profileId),
    db
      .select({ at: notifications.createdAt, title: notifications.title, body: notifications.body, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt)),
    user.email
      ? db
          .select({ at: emailOutbox.createdAt, subject: emailOutbox.subject, sentAt: emailOutbox.sentAt })
          .from(emailOutbox)
          .where(and(eq(emailOutbox.toAddress, user.email)))
          .orderBy(desc(emailOutbox.createdAt))
      : [],
  ]);
  const [messages, preferences, devices, alerts] = await Promise.all([
    db
      .select({ at: messageOutbox.createdAt, channel: messageOutbox.channel, title: messageOutbox.title, body: messageOutbox.body, sentAt: messageOutbox.sentAt })
      .from(messageOutbox)
      .where(eq(messageOutbox.userId, userId))
      .orderBy(desc(messageOutbox.createdAt)),
    preferencesOf(db, userId, user.role),
    db.select({ at: pushSubscriptions.createdAt }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)),
    // the offers and formations sent in the person's alerts, with their titles
    queryRows<{ at: string; kind: string; title: string | null; clicked_at: string | null }>(
      db,
      sql`select i.sent_at as at, i.kind, coalesce(o.title, f.title) as title, i.clicked_at
        from alert_items i left join offers o on i.kind = 'offer' and o.id = i.entity_id left join formations f on i.kind = 'formation' and f.id = i.entity_id
        where i.user_id = ${userId}::uuid order by i.sent_at desc`,
    ),
  ]);
  let platform = { name: "Emploi", organisation: "" };
  try {
    const config = loadInstanceConfig();
    platform = { name: config.displayName, organisation: config.organisation };
  } catch {
    // the export never fails for want of a display name
  }
  return {
    exportedAt: new Date().toISOString(),
    platform,
    account: {
      id: user.id,
      role: user.role,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      status: user.status,
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
    },
    profile: stored && {
      ...stored,
      // internal bookkeeping, not personal data
      importHash: undefined,
      commune: view?.commune ?? null,
      skills: view?.skills ?? [],
      adviserName,
    },
    applications,
    proposals,
    placements,
    adviserNotes: notes.map((n) => ({ at: n.createdAt, author: n.authorName || "Un conseiller", body: n.body })),
    notifications: myNotifications,
    emails,
    /** SMS and web-push notifications */
    messages,
    /** how the person chose to be told, per category */
    messagePreferences: preferences.map((p) => ({
      category: CATEGORIES[p.category].label,
      channels: p.channels.map((c) => CHANNEL_LABELS[c]),
      frequency: FREQUENCY_LABELS[p.frequency],
    })),
    /** browsers or phones that accept notifications */
    pushDevices: devices.map((d) => ({ since: d.at })),
    /** offers and formations sent in the person's alerts, and whether they opened them */
    alerts: alerts.map((a) => ({ at: a.at, kind: a.kind, title: a.title, opened: a.clicked_at !== null })),
    /** who read or changed what about the person, and when (newest first) */
    accountHistory: history,
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof exportPersonalData>>>;
