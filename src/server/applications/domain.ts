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

export type MyApplication = {
  id: string;
  status: ApplicationStatus;
  statusReason: string | null;
  message: string | null;
  createdAt: Date;
  offer: OfferSummary | null;
  formation: FormationSummary | null;
};

export async function myApplications(db: Database, profileId: string): Promise<MyApplication[]> {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.profileId, profileId))
    .orderBy(desc(applications.createdAt));
  const offersById = await offerSummaries(db, rows.flatMap((r) => (r.offerId ? [r.offerId] : [])));
  const formationsById = await formationSummaries(db, rows.flatMap((r) => (r.formationId ? [r.formationId] : [])));
  return rows.map((r) => ({
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
