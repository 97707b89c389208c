import { TRPCError } from "@trpc/server";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { users } from "../auth/schema";
import { queryRows, type Database } from "../db/client";
import { geographySql } from "../geo/sql";
import { organisationMembers, organisations, type OrganisationKind } from "./schema";
import { communeByInsee } from "../referentials/queries";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";
import type { OrganisationFields } from "./fields";
import type { updateOrganisationInput } from "./inputs";
import { membershipOf, requireOwner } from "./membership";
import { closedEstablishmentProblem } from "./company-directory";

export type OrganisationRole = "employer" | "training_org";

/** The kind of organisation an account of this role belongs to. */
export function kindOfRole(role: OrganisationRole): OrganisationKind {
  return role === "employer" ? "company" : "training_org";
}

export function isOrganisationRole(role: string): role is OrganisationRole {
  return role === "employer" || role === "training_org";
}

const SIRET_TAKEN: Record<OrganisationKind, string> = {
  company:
    "Cette entreprise a déjà un compte. Demandez à une personne de votre entreprise déjà inscrite de vous ajouter comme recruteur.",
  training_org:
    "Cet organisme a déjà un compte. Demandez à une personne de votre organisme déjà inscrite de vous ajouter à son équipe.",
};

/** The SIRET is known as the other kind of organisation (key: the kind the person asked for). */
const SIRET_OTHER_KIND: Record<OrganisationKind, string> = {
  training_org:
    "Ce SIRET est déjà inscrit comme entreprise qui recrute, pas comme organisme de formation. Choisissez « Je recrute » : une entreprise peut aussi publier des formations.",
  company:
    "Ce SIRET est déjà inscrit comme organisme de formation, pas comme entreprise qui recrute. Choisissez « Organisme de formation ».",
};

export const UNKNOWN_COMMUNE = "Nous ne connaissons pas cette commune : choisissez-la dans la liste des suggestions.";

/**
 * Whether an organisation of this kind may be registered with this SIRET: nothing known
 * (a new row), or a row created by an import that nobody has claimed yet (its id). Throws
 * the field message otherwise. With `lock`, the row stays locked until the transaction ends,
 * so two people cannot claim it at once.
 */
export async function siretAvailability(
  db: Database,
  siret: string,
  kind: OrganisationKind,
  opts: { lock?: boolean } = {},
): Promise<{ employerId: string | null }> {
  const query = db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.siret, siret)).limit(1);
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) return { employerId: null };
  if (row.kind !== kind) throw new FieldErrors({ siret: [SIRET_OTHER_KIND[kind]] });
  const [members] = await db.select({ n: count() }).from(organisationMembers).where(eq(organisationMembers.employerId, row.id));
  if (Number(members?.n ?? 0) > 0) throw new FieldErrors({ siret: [SIRET_TAKEN[kind]] });
  return { employerId: row.id };
}

/**
 * Registers the organisation of an account (at sign-up, or later for an account an admin
 * created) and makes the account its owner. An organisation an import created without
 * members is claimed: it takes the details given, and keeps its offers.
 * Call it inside a transaction (the caller's): the SIRET row is locked while it runs.
 */
export async function registerOrganisation(
  db: Database,
  account: { id: string; role: OrganisationRole },
  fields: OrganisationFields,
): Promise<{ employerId: string; claimed: boolean }> {
  const kind = kindOfRole(account.role);
  const commune = await communeByInsee(db, fields.communeInsee);
  if (!commune) throw new FieldErrors({ communeInsee: [UNKNOWN_COMMUNE] });
  const values = {
    name: fields.organisationName,
    addressLine: fields.addressLine,
    communeInsee: commune.insee,
    location: geographySql({ lat: commune.lat, lng: commune.lng }) as never,
  };

  const { employerId: existingId } = await siretAvailability(db, fields.siret, kind, { lock: true });
  let employerId: string;
  if (existingId) {
    await db.update(organisations).set(values).where(eq(organisations.id, existingId));
    employerId = existingId;
  } else {
    const [created] = await db
      .insert(organisations)
      .values({ kind, siret: fields.siret, ...values })
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    // Someone registered the same SIRET a moment ago.
    if (!created) throw new FieldErrors({ siret: [SIRET_TAKEN[kind]] });
    employerId = created.id;
  }
  await db.insert(organisationMembers).values({ userId: account.id, employerId, isOwner: true, addedBy: account.id });
  await recordAudit(db, {
    actorId: account.id,
    action: "organisation.register",
    subjectType: "employer",
    subjectId: employerId,
    details: { kind, siret: fields.siret, claimed: Boolean(existingId) },
  });
  return { employerId, claimed: Boolean(existingId) };
}

const ALREADY_MEMBER = "Votre compte est déjà rattaché à une entreprise ou à un organisme.";

/** The `register` procedure: an employer or training organisation account without an organisation. */
export async function registerForAccount(db: Database, user: SessionUser, fields: OrganisationFields) {
  if (!isOrganisationRole(user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Cette action n'est pas permise avec votre compte." });
  }
  const role = user.role;
  if (await membershipOf(db, user.id)) throw new TRPCError({ code: "BAD_REQUEST", message: ALREADY_MEMBER });
  // Fast answer on a taken SIRET; the locked check inside the transaction is the real one.
  await siretAvailability(db, fields.siret, kindOfRole(role));
  const closed = await closedEstablishmentProblem(fields.siret);
  if (closed) throw new FieldErrors({ siret: [closed] });
  try {
    return await db.transaction((tx) => registerOrganisation(tx as unknown as Database, { id: user.id, role }, fields));
  } catch (err) {
    // Two tabs registering at once: the membership's primary key decides.
    const e = err as { code?: string; cause?: { code?: string } };
    if (e?.code === "23505" || e?.cause?.code === "23505") throw new TRPCError({ code: "BAD_REQUEST", message: ALREADY_MEMBER });
    throw err;
  }
}

export type OrganisationMember = {
  userId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  isOwner: boolean;
  /** "pending" until the person has activated their account with the code */
  status: "active" | "pending" | "disabled";
  addedAt: Date;
};

export type MyOrganisation = {
  id: string;
  kind: OrganisationKind;
  siret: string | null;
  name: string;
  addressLine: string | null;
  communeInsee: string | null;
  communeName: string | null;
  postcodes: string[];
  createdAt: Date;
  /** the caller owns it: may edit it and manage its members */
  isOwner: boolean;
  members: OrganisationMember[];
};

/** The caller's organisation and its members, or null when the account has none yet. */
export async function myOrganisation(db: Database, user: SessionUser): Promise<MyOrganisation | null> {
  const m = await membershipOf(db, user.id);
  if (!m) return null;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, m.employerId)).limit(1);
  if (!org) return null;
  const commune = org.communeInsee ? await communeByInsee(db, org.communeInsee) : null;
  const members = await db
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      isOwner: organisationMembers.isOwner,
      status: users.status,
      addedAt: organisationMembers.createdAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.employerId, m.employerId))
    .orderBy(desc(organisationMembers.isOwner), asc(organisationMembers.createdAt), asc(users.lastName));
  return {
    id: org.id,
    kind: org.kind,
    siret: org.siret,
    name: org.name,
    addressLine: org.addressLine,
    communeInsee: org.communeInsee,
    communeName: commune?.name ?? null,
    postcodes: commune?.postcodes ?? [],
    createdAt: org.createdAt,
    isOwner: m.isOwner,
    members,
  };
}

/** The owner corrects the name, the commune or the street address. */
export async function updateOrganisation(db: Database, user: SessionUser, input: z.output<typeof updateOrganisationInput>) {
  const m = await requireOwner(db, user);
  const commune = await communeByInsee(db, input.communeInsee);
  if (!commune) throw new FieldErrors({ communeInsee: [UNKNOWN_COMMUNE] });
  await db.transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({
        name: input.organisationName,
        addressLine: input.addressLine,
        communeInsee: commune.insee,
        location: geographySql({ lat: commune.lat, lng: commune.lng }) as never,
      })
      .where(eq(organisations.id, m.employerId));
    await recordAudit(tx as unknown as Database, {
      actorId: user.id,
      action: "organisation.update",
      subjectType: "employer",
      subjectId: m.employerId,
      details: { name: input.organisationName, communeInsee: commune.insee },
    });
  });
  return myOrganisation(db, user);
}

export type OrganisationStats = {
  offers: {
    total: number;
    draft: number;
    /** published and not past their expiry date */
    published: number;
    /** published, but past their expiry date */
    expired: number;
    paused: number;
    filled: number;
    closed: number;
  };
  /** people who opened one of its offers (each person once per offer) */
  views: number;
  /** applications received on its offers */
  applications: number;
  /** applications marked hired */
  hires: number;
};

/** Totals over all the offers of the caller's company; null when it has no organisation yet. */
export async function organisationStats(db: Database, user: SessionUser): Promise<OrganisationStats | null> {
  const m = await membershipOf(db, user.id);
  if (!m) return null;
  const [o] = await queryRows<Record<string, number>>(db, sql`
    select
      count(*)::int as total,
      count(*) filter (where status = 'draft')::int as draft,
      count(*) filter (where status = 'published' and (expires_on is null or expires_on >= current_date))::int as published,
      count(*) filter (where status = 'published' and expires_on < current_date)::int as expired,
      count(*) filter (where status = 'paused')::int as paused,
      count(*) filter (where status = 'filled')::int as filled,
      count(*) filter (where status = 'closed')::int as closed
    from offers where employer_id = ${m.employerId}`);
  const [v] = await queryRows<{ views: number }>(db, sql`
    select count(*)::int as views
    from offer_views v join offers o on o.id = v.offer_id
    where o.employer_id = ${m.employerId}`);
  const [a] = await queryRows<{ applications: number; hires: number }>(db, sql`
    select count(*)::int as applications, count(*) filter (where a.status = 'hired')::int as hires
    from applications a join offers o on o.id = a.offer_id
    where o.employer_id = ${m.employerId}`);
  const n = (x: unknown) => Number(x ?? 0);
  return {
    offers: {
      total: n(o?.total),
      draft: n(o?.draft),
      published: n(o?.published),
      expired: n(o?.expired),
      paused: n(o?.paused),
      filled: n(o?.filled),
      closed: n(o?.closed),
    },
    views: n(v?.views),
    applications: n(a?.applications),
    hires: n(a?.hires),
  };
}
