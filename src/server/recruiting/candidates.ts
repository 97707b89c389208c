import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { queryRows } from "../db/client";
import { applications, type ApplicationStatus } from "../applications/schema";
import { markApplicationSeen } from "../applications/status";
import { matchCandidatesForOffer, type CandidateFilters } from "../matching/queries";
import { candidateCards, type CandidateCard } from "./cards";
import { declineWording } from "./decline-reasons";
import { candidateIdentity, type CandidateIdentity } from "./identity";
import { whoFollows, type FollowUp } from "../followup/hire-news";
import { offerHeader, type OfferHeader } from "./offer-header";
import { chargeCards, type Viewer } from "./quota";
import { loadOffer, offerIsOpen, relationFor, relationsFor, type ContactState, type OfferRow } from "./relations";

async function header(db: Database, o: OfferRow): Promise<OfferHeader> {
  return offerHeader(o, await hiresOf(db, o.id));
}

export type RankedCandidate = CandidateCard & {
  rank: number;
  /** applied to this offer (and did not withdraw) */
  applied: boolean;
  proposedByAdviser: boolean;
  /** the company's contact request for this offer */
  contact: ContactState;
  /** the company may open the full CV (the person applied to it or accepted its request) */
  identityGranted: boolean;
};

export type CandidateList = {
  offer: OfferHeader;
  filters: Pick<CandidateFilters, "maxDistanceKm" | "licence">;
  items: RankedCandidate[];
  /** applications to this offer from people outside this list (they are in the inbox) */
  applicantsNotListed: number;
  /** French words when the daily quota of candidates left some out (see quota.ts) */
  quotaNotice: string | null;
};

/** Candidates are ranked only for a published offer: a draft moved around must not survey the département. */
export const NOT_PUBLISHED_MESSAGE =
  "Publiez l'offre pour voir les candidats : le classement n'est proposé que pour les offres en ligne.";

/** The matcher's ranking for an offer, as pseudonymised cards with the company's relations to each person. */
export async function rankedCandidates(
  db: Database,
  viewer: Viewer,
  offerId: string,
  filters: Pick<CandidateFilters, "maxDistanceKm" | "licence">,
  limit = 50,
): Promise<CandidateList> {
  const offer = await loadOffer(db, offerId);
  if (!offerIsOpen(offer)) throw new TRPCError({ code: "PRECONDITION_FAILED", message: NOT_PUBLISHED_MESSAGE });
  const matches = await matchCandidatesForOffer(db, offerId, limit, {
    maxDistanceKm: filters.maxDistanceKm,
    licence: filters.licence,
  });
  const charge = await chargeCards(db, viewer, matches.map((m) => m.id));
  const shown = matches.filter((m) => charge.allowed.has(m.id));
  const ids = shown.map((m) => m.id);
  const cards = await candidateCards(db, offerId, ids, new Map(shown.map((m) => [m.id, m])));
  const relations = await relationsFor(db, offer, ids);
  const rankOf = new Map(shown.map((m) => [m.id, m.rank]));
  const items = cards.map(({ profileId, card }) => {
    const r = relations.get(profileId)!;
    return {
      ...card,
      rank: rankOf.get(profileId)!,
      applied: !!r.application && r.application.status !== "withdrawn",
      proposedByAdviser: r.proposedByAdviser,
      contact: r.contact.state,
      identityGranted: r.identityGranted,
    };
  });
  // applicants the quota left out are still counted here (they are in the inbox)
  const listed = new Set(ids);
  const applicants = await db
    .select({ profileId: applications.profileId })
    .from(applications)
    .where(and(eq(applications.offerId, offerId), sql`${applications.status} <> 'withdrawn'`));
  return {
    offer: await header(db, offer),
    filters: { maxDistanceKm: filters.maxDistanceKm, licence: filters.licence },
    items,
    applicantsNotListed: applicants.filter((a) => !listed.has(a.profileId)).length,
    quotaNotice: charge.notice,
  };
}

export type CandidateDetail = {
  offer: OfferHeader;
  card: CandidateCard;
  applied: boolean;
  proposedByAdviser: boolean;
  contact: { state: ContactState; requestedAt: Date | null; answeredAt: Date | null };
  /** this offer's application, if any */
  application: {
    id: string;
    status: ApplicationStatus;
    statusReason: string | null;
    /** what the candidate reads for a decline */
    reasonWording: string | null;
    createdAt: Date;
  } | null;
  /** null until the person applied to the company or accepted its request */
  identity: CandidateIdentity | null;
  grantedBy: "application" | "contact" | null;
  /** the person accepted contact but has no application for this offer: the hire can be recorded from here */
  canRecordHire: boolean;
  /** once the identity is shared: who would follow a hire (their adviser, or their territory's) */
  followUp: FollowUp | null;
};

const candidateNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Candidat introuvable." });

/**
 * One candidate for one offer of the caller's company: pseudonymised, or with identity and
 * full CV when the person applied to the company or accepted its contact request. Someone
 * neither searchable nor tied to the company does not exist for it.
 */
export async function candidateForOffer(
  db: Database,
  viewer: Viewer,
  offerId: string,
  profileId: string,
  opts: { markSeen: boolean },
): Promise<CandidateDetail> {
  const offer = await loadOffer(db, offerId);
  const rel = await relationFor(db, offer, profileId);
  if (!rel.searchable && !rel.identityGranted) throw candidateNotFound();
  // a pseudonymised card costs like one on a list (nothing when already seen today)
  if (!rel.identityGranted) await chargeCards(db, viewer, [profileId]);
  const [match] = await matchCandidatesForOffer(db, offerId, 1, { profileId });
  const [entry] = await candidateCards(db, offerId, [profileId], match ? new Map([[profileId, match]]) : undefined);
  if (!entry) throw candidateNotFound();
  const card = entry.card;
  const identity = rel.identityGranted ? await candidateIdentity(db, profileId) : null;

  let application = rel.application;
  if (opts.markSeen && application?.status === "sent") {
    // the employer opened the application: the person sees it was read
    await markApplicationSeen(db, application.id);
    application = { ...application, status: "seen" };
  }
  return {
    offer: await header(db, offer),
    card,
    applied: !!application && application.status !== "withdrawn",
    proposedByAdviser: rel.proposedByAdviser,
    contact: rel.contact,
    application: application
      ? {
          id: application.id,
          status: application.status,
          statusReason: application.statusReason,
          reasonWording: declineWording(application.statusReason),
          createdAt: application.createdAt,
        }
      : null,
    identity,
    grantedBy: identity ? rel.grantedBy : null,
    canRecordHire: !!identity && rel.grantedBy !== null && application === null,
    followUp: identity ? await whoFollows(db, profileId) : null,
  };
}

/** How many of the offer's applications are hires. */
export async function hiresOf(db: Database, offerId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications where offer_id = ${offerId}::uuid and status = 'hired'`,
  );
  return Number(row?.n ?? 0);
}
