import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { queryRows } from "../db/client";
import { offerSummaries, type OfferSummary } from "../offers/summaries";
import { formationSummaries, type FormationSummary } from "../formations/summaries";
import { recordAudit } from "../audit/record";
import { FieldErrors } from "../lib/field-errors";
import { tellNewApplication } from "./news";
import { applications, proposals, type ApplicationStatus, type ProposalStatus } from "./schema";
import { tellProposal } from "./tidings";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function offerIsOpen(db: Database, offerId: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from offers o where o.id = ${offerId} and o.status = 'published'
      and (o.expires_on is null or o.expires_on >= current_date)`,
  );
  return rows.length > 0;
}

async function formationIsOpen(db: Database, formationId: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from formations f where f.id = ${formationId} and f.status = 'published'
      and (f.seats is null or f.seats > 0) and coalesce(f.ends_on, f.starts_on) >= current_date`,
  );
  return rows.length > 0;
}

/** One tap: the person applies to an open offer or formation, once. */
export async function apply(
  db: Database,
  profileId: string,
  target: { offerId: string } | { formationId: string },
  message: string | null,
): Promise<{ id: string }> {
  const isOffer = "offerId" in target;
  const open = isOffer ? await offerIsOpen(db, target.offerId) : await formationIsOpen(db, target.formationId);
  if (!open) {
    throw new FieldErrors({
      _: [isOffer ? "Cette offre n'est plus ouverte aux candidatures." : "Cette formation ne prend plus d'inscriptions."],
    });
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(applications)
        .values({
          profileId,
          offerId: isOffer ? target.offerId : null,
          formationId: isOffer ? null : target.formationId,
          message: message || null,
        })
        .returning({ id: applications.id });
      // the organisation's recruiters and the person's adviser hear of it with the application
      await tellNewApplication(tx, row!.id);
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldErrors({ _: ["Vous avez déjà envoyé votre candidature."] });
    throw err;
  }
}

/** Why a prescription is refused without the person's agreement (the checkbox). */
export const AGREEMENT_MISSING = "Cochez « La personne est d'accord » : on ne postule pas pour quelqu'un sans son accord.";

/**
 * An adviser applies for a person of their caseload (a prescription, as in les emplois de
 * l'inclusion), with the person's agreement, which the adviser records: who and when are kept
 * in the audit entry `application.prescribe` (its subject is the application), which is also
 * how the employer's inbox knows who prescribed it. The caller's right to the person is
 * checked by the router.
 */
export async function prescribe(
  db: Database,
  actor: { id: string; role: string },
  input: { profileId: string; offerId: string; message: string | null; agreement: boolean },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const adviserId = actor.id;
  if (actor.role === "adviser") {
    // the territory's unassigned people are visible, but one applies only for people one follows
    const [p] = await queryRows<{ adviser_id: string | null }>(db, sql`select adviser_id from beneficiary_profiles where id = ${input.profileId}::uuid`);
    if (String(p?.adviser_id ?? "") !== adviserId) {
      throw new FieldErrors({ profileId: ["Prenez d'abord cette personne dans votre suivi : on postule seulement pour les personnes que l'on suit."] });
    }
  }
  if (input.agreement !== true) throw new FieldErrors({ agreement: [AGREEMENT_MISSING] });
  if (!(await offerIsOpen(db, input.offerId))) throw new FieldErrors({ offerId: ["Cette offre n'est plus ouverte aux candidatures."] });
  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const [row] = await tx
        .insert(applications)
        .values({ profileId: input.profileId, offerId: input.offerId, message: input.message || null, createdAt: now, updatedAt: now })
        .returning({ id: applications.id });
      await recordAudit(tx, {
        actorId: adviserId,
        action: "application.prescribe",
        subjectType: "application",
        subjectId: row!.id,
        details: { profileId: input.profileId, offerId: input.offerId, agreementRecordedBy: adviserId, agreementAt: now.toISOString() },
      });
      await tellNewApplication(tx, row!.id);
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldErrors({ offerId: ["Cette personne a déjà postulé à cette offre."] });
    throw err;
  }
}

export type Prescriber = { adviserId: string; name: string; structure: string; agreementAt: Date };

/** Who prescribed these applications (those an adviser made with the person's agreement). */
export async function prescribersOf(db: Database, applicationIds: string[], organisation: string): Promise<Map<string, Prescriber>> {
  const out = new Map<string, Prescriber>();
  if (!applicationIds.length) return out;
  const rows = await queryRows<{ subject_id: string; actor_id: string; first_name: string | null; last_name: string | null; territory: string | null; agreement_at: string | null; at: Date | string }>(
    db,
    sql`select e.subject_id, e.actor_id, u.first_name, u.last_name, t.name as territory, e.details->>'agreementAt' as agreement_at, e.at
      from audit_events e
      left join users u on u.id = e.actor_id
      left join territories t on t.code = u.territory_code
      where e.action = 'application.prescribe' and e.subject_type = 'application'
        and e.subject_id in (${sql.join(applicationIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  for (const r of rows) {
    const name = `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim() || "Un conseiller";
    out.set(String(r.subject_id), {
      adviserId: String(r.actor_id),
      name,
      structure: r.territory ? `${organisation} — territoire ${r.territory}` : organisation,
      agreementAt: new Date(r.agreement_at ?? r.at),
    });
  }
  return out;
}

export type MyApplication = {
  id: string;
  status: ApplicationStatus;
  statusReason: string | null;
  message: string | null;
  createdAt: Date;
  offer: OfferSummary | null;
  formation: FormationSummary | null;
  /** the adviser who applied for the person, with their agreement */
  prescribedBy: string | null;
};

export async function myApplications(db: Database, profileId: string): Promise<MyApplication[]> {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.profileId, profileId))
    .orderBy(desc(applications.createdAt));
  const offersById = await offerSummaries(db, rows.flatMap((r) => (r.offerId ? [r.offerId] : [])));
  const formationsById = await formationSummaries(db, rows.flatMap((r) => (r.formationId ? [r.formationId] : [])));
  const prescribers = await prescribersOf(db, rows.map((r) => r.id), "");
  return rows.map((r) => ({
    prescribedBy: prescribers.get(r.id)?.name ?? null,
    id: r.id,
    status: r.status,
    statusReason: r.statusReason,
    message: r.message,
    createdAt: r.createdAt,
    offer: r.offerId ? (offersById.get(r.offerId) ?? null) : null,
    formation: r.formationId ? (formationsById.get(r.formationId) ?? null) : null,
  }));
}

/** The person withdraws an application that is not settled yet. */
export async function withdrawApplication(db: Database, profileId: string, applicationId: string) {
  const [row] = await db
    .update(applications)
    .set({ status: "withdrawn", updatedAt: new Date() })
    .where(
      and(
        eq(applications.id, applicationId),
        eq(applications.profileId, profileId),
        sql`${applications.status} in ('sent', 'seen', 'interview')`,
      ),
    )
    .returning({ id: applications.id });
  if (!row) throw new FieldErrors({ _: ["Cette candidature ne peut plus être retirée."] });
  return row;
}

export type MyProposal = {
  id: string;
  fromKind: "employer" | "adviser";
  message: string | null;
  status: ProposalStatus;
  createdAt: Date;
  offer: OfferSummary | null;
};

export async function myProposals(db: Database, profileId: string): Promise<MyProposal[]> {
  const rows = await db.select().from(proposals).where(eq(proposals.profileId, profileId)).orderBy(desc(proposals.createdAt));
  const offersById = await offerSummaries(db, rows.map((r) => r.offerId));
  return rows.map((r) => ({
    id: r.id,
    fromKind: r.fromKind,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt,
    offer: offersById.get(r.offerId) ?? null,
  }));
}

/**
 * The person accepts or declines a proposal. Accepting a company's contact request lets every
 * recruiter of that company see their name, CV and contact details; declining keeps them
 * anonymous. The answer to a company is kept in the audit trail (it is a consent).
 */
export async function answerProposal(db: Database, profileId: string, proposalId: string, accept: boolean, actorId: string | null = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(proposals)
      .set({ status: accept ? "accepted" : "declined", answeredAt: new Date() })
      .where(and(eq(proposals.id, proposalId), eq(proposals.profileId, profileId), eq(proposals.status, "pending")))
      .returning({ id: proposals.id, status: proposals.status, fromKind: proposals.fromKind, offerId: proposals.offerId });
    if (!row) throw new FieldErrors({ _: ["Cette proposition n'attend plus de réponse."] });
    if (row.fromKind === "employer") {
      await recordAudit(tx, {
        actorId,
        action: accept ? "contact_request.accept" : "contact_request.decline",
        subjectType: "proposal",
        subjectId: row.id,
        details: { profileId, offerId: row.offerId },
      });
    }
    return { id: row.id, status: row.status };
  });
}

/**
 * An employer asks to contact a candidate for one of their offers, or an adviser suggests an
 * offer to a person they follow. The caller's rights are checked by the router; here, the
 * candidate must be searchable (active, seeking, consenting) for an employer.
 */
export async function createProposal(
  db: Database,
  from: { kind: "employer" | "adviser"; userId: string },
  input: { profileId: string; offerId: string; message: string | null },
) {
  if (from.kind === "employer") {
    const searchable = await queryRows(
      db,
      sql`select 1 from profile_match_points where profile_id = ${input.profileId} limit 1`,
    );
    if (searchable.length === 0) throw new FieldErrors({ profileId: ["Ce profil n'est pas visible des entreprises."] });
  }
  if (!(await offerIsOpen(db, input.offerId))) throw new FieldErrors({ offerId: ["Cette offre n'est pas publiée."] });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(proposals)
        .values({ profileId: input.profileId, offerId: input.offerId, fromKind: from.kind, fromUserId: from.userId, message: input.message || null })
        .returning({ id: proposals.id });
      await recordAudit(tx, {
        actorId: from.userId,
        action: from.kind === "employer" ? "contact_request.create" : "proposal.create",
        subjectType: "proposal",
        subjectId: row!.id,
        details: { profileId: input.profileId, offerId: input.offerId },
      });
      await tellProposal(tx as unknown as Database, row!.id);
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldErrors({ _: ["Une proposition existe déjà pour cette personne et cette offre."] });
    throw err;
  }
}
