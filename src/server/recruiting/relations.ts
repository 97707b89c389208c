import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { offers, type OfferStatus } from "../offers/schema";
import type { ApplicationStatus, ProposalStatus } from "../applications/schema";
import { instanceToday } from "../config/time-zone";

// What ties a company to a candidate, the only grounds on which it may learn who they are:
// the person applied to one of its offers (applying shares one's CV with that company), or
// accepted its request to contact them. Nothing else reveals an identity.

export type OfferRow = {
  id: string;
  employerId: string;
  title: string;
  status: OfferStatus;
  positions: number;
  startsOn: string;
  expiresOn: string | null;
  /** the offer's edit version (what offers.markFilled expects) */
  version: number;
};

export async function loadOffer(db: Database, offerId: string): Promise<OfferRow> {
  const [o] = await db
    .select({
      id: offers.id,
      employerId: offers.employerId,
      title: offers.title,
      status: offers.status,
      positions: offers.positions,
      startsOn: offers.startsOn,
      expiresOn: offers.expiresOn,
      version: offers.version,
    })
    .from(offers)
    .where(eq(offers.id, offerId))
    .limit(1);
  if (!o) throw new TRPCError({ code: "NOT_FOUND", message: "Offre introuvable." });
  return o;
}

/** Published and not past its expiry date: the only offers candidates can be contacted for. */
export function offerIsOpen(o: Pick<OfferRow, "status" | "expiresOn">): boolean {
  return o.status === "published" && (o.expiresOn === null || o.expiresOn >= instanceToday());
}

export type ContactState = "none" | ProposalStatus;

export type Relation = {
  /** this offer's application, withdrawn ones included */
  application: { id: string; status: ApplicationStatus; statusReason: string | null; createdAt: Date } | null;
  /** the company's contact request for this offer */
  contact: { state: ContactState; requestedAt: Date | null; answeredAt: Date | null };
  /** an adviser suggested this offer to the person (and they have not turned it down) */
  proposedByAdviser: boolean;
  /** the company may see who the person is (see above) */
  identityGranted: boolean;
  /** how: an accepted request wins (an application may have been recorded by the hire itself) */
  grantedBy: "application" | "contact" | null;
  /** the person is searchable now: active, seeking, visible to employers */
  searchable: boolean;
};

const EMPTY: Relation = {
  application: null,
  contact: { state: "none", requestedAt: null, answeredAt: null },
  proposedByAdviser: false,
  identityGranted: false,
  grantedBy: null,
  searchable: false,
};

/** Relations between the offer's company and each profile, in a few queries for a whole list. */
export async function relationsFor(db: Database, offer: Pick<OfferRow, "id" | "employerId">, profileIds: string[]) {
  const out = new Map<string, Relation>();
  if (profileIds.length === 0) return out;
  for (const id of profileIds) out.set(id, structuredClone(EMPTY));
  const ids = uuidList(profileIds);

  const apps = await queryRows<{
    id: string;
    profile_id: string;
    offer_id: string;
    status: ApplicationStatus;
    status_reason: string | null;
    created_at: Date | string;
  }>(
    db,
    sql`select a.id, a.profile_id, a.offer_id, a.status, a.status_reason, a.created_at
      from applications a join offers o on o.id = a.offer_id
      where o.employer_id = ${offer.employerId}::uuid and a.profile_id in (${ids})`,
  );
  for (const a of apps) {
    const r = out.get(String(a.profile_id))!;
    if (String(a.offer_id) === offer.id) {
      r.application = { id: String(a.id), status: a.status, statusReason: a.status_reason, createdAt: new Date(a.created_at) };
    }
    if (a.status !== "withdrawn") {
      r.identityGranted = true;
      r.grantedBy = "application";
    }
  }

  const props = await queryRows<{
    profile_id: string;
    offer_id: string;
    from_kind: "employer" | "adviser";
    status: ProposalStatus;
    created_at: Date | string;
    answered_at: Date | string | null;
  }>(
    db,
    sql`select p.profile_id, p.offer_id, p.from_kind, p.status, p.created_at, p.answered_at
      from proposals p join offers o on o.id = p.offer_id
      where o.employer_id = ${offer.employerId}::uuid and p.profile_id in (${ids})`,
  );
  for (const p of props) {
    const r = out.get(String(p.profile_id))!;
    const thisOffer = String(p.offer_id) === offer.id;
    if (p.from_kind === "employer") {
      if (thisOffer) {
        r.contact = {
          state: p.status,
          requestedAt: new Date(p.created_at),
          answeredAt: p.answered_at ? new Date(p.answered_at) : null,
        };
      }
      if (p.status === "accepted") {
        r.identityGranted = true;
        r.grantedBy = "contact";
      }
    } else if (thisOffer && p.status !== "declined") {
      r.proposedByAdviser = true;
    }
  }

  const searchable = await queryRows<{ profile_id: string }>(
    db,
    sql`select distinct profile_id from profile_match_points where profile_id in (${ids})`,
  );
  for (const s of searchable) out.get(String(s.profile_id))!.searchable = true;
  return out;
}

export async function relationFor(db: Database, offer: Pick<OfferRow, "id" | "employerId">, profileId: string): Promise<Relation> {
  return (await relationsFor(db, offer, [profileId])).get(profileId)!;
}
