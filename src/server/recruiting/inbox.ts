import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { applications, type ApplicationStatus } from "../applications/schema";
import { answerApplication, insertHiredApplication, markOfferApplicationsSeen, revertHire } from "../applications/status";
import { tellApplicationChange } from "../applications/tidings";
import { recordAudit } from "../audit/record";
import { instanceToday } from "../config/time-zone";
import { createPlacementForApplication, placementOfApplication, removePlacementOfApplication } from "../followup/placements";
import { addMonths, type IsoDate } from "../../lib/dates";
import { tellHire, whoFollows, type FollowUp } from "../followup/hire-news";
import { FieldErrors } from "../lib/field-errors";
import { loadInstanceConfig } from "../config/config";
import { prescribersOf } from "../applications/domain";
import { hiresOf } from "./candidates";
import { pseudonymOf } from "./cards";
import { candidateHandle, referenceFor } from "./handles";
import { DECLINE_REASON_TEXTS, isDeclineReason, type DeclineReason } from "./decline-reasons";
import type { CandidateContact } from "./identity";
import { allPositionsTaken, offerHeader, type OfferHeader } from "./offer-header";
import { loadOffer, relationFor, type OfferRow } from "./relations";

// The applications inbox of one offer and what the company answers: sent → seen (on opening)
// → interview → hired | declined (with a reason code the person reads in kind words).
// Withdrawn, hired and declined applications are settled.

export type InboxItem = {
  id: string;
  status: ApplicationStatus;
  statusReason: DeclineReason | null;
  /** the employer's label of the reason */
  reasonLabel: string | null;
  /** the words the candidate reads */
  reasonWording: string | null;
  createdAt: Date;
  updatedAt: Date;
  message: string | null;
  /** not read before this opening of the inbox */
  isNew: boolean;
  /** an adviser applied for the person, with their agreement: who, and their structure */
  prescriber: { name: string; structure: string } | null;
  /** a hire: until when the company can undo it */
  undoUntil: Date | null;
  candidate: {
    /** the person's handle for this offer (see handles.ts): the candidate page's address */
    candidateId: string;
    pseudonym: string;
    /** per offer, like the ranked list's */
    reference: string;
    /** applying shares one's name, contact details and CV with the company; withdrawing takes them back */
    contact: CandidateContact | null;
  };
};

export type Inbox = {
  offer: OfferHeader;
  items: InboxItem[];
};

const ORDER: Record<ApplicationStatus, number> = { sent: 0, seen: 0, interview: 1, hired: 2, declined: 3, withdrawn: 4 };

export async function inboxForOffer(db: Database, offerId: string, opts: { markSeen: boolean }): Promise<Inbox> {
  const offer = await loadOffer(db, offerId);
  const newIds = new Set(opts.markSeen ? await markOfferApplicationsSeen(db, offerId) : []);
  const rows = await queryRows<{
    id: string;
    profile_id: string;
    status: ApplicationStatus;
    status_reason: string | null;
    message: string | null;
    created_at: Date | string;
    updated_at: Date | string;
    first_name: string;
    last_name: string;
    email: string | null;
    phone: string | null;
    commune_name: string | null;
    hired_at: Date | string | null;
  }>(
    db,
    sql`select a.id, a.profile_id, a.status, a.status_reason, a.message, a.created_at, a.updated_at,
        p.first_name, p.last_name, coalesce(p.email, u.email) as email, p.phone, c.name as commune_name,
        pl.created_at as hired_at
      from applications a
      join beneficiary_profiles p on p.id = a.profile_id
      left join users u on u.id = p.user_id
      left join communes c on c.insee = p.commune_insee
      left join placements pl on pl.application_id = a.id
      where a.offer_id = ${offerId}::uuid
      order by a.created_at desc, a.id`,
  );
  const prescribers = await prescribersOf(db, rows.map((r) => String(r.id)), loadInstanceConfig().organisation);
  const items: InboxItem[] = rows.map((r) => {
    const withdrawn = r.status === "withdrawn";
    const prescriber = prescribers.get(String(r.id));
    const reason = isDeclineReason(r.status_reason) ? r.status_reason : null;
    return {
      id: String(r.id),
      status: r.status,
      statusReason: reason,
      reasonLabel: reason ? DECLINE_REASON_TEXTS[reason].label : null,
      reasonWording: reason ? DECLINE_REASON_TEXTS[reason].candidate : null,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
      message: withdrawn ? null : r.message,
      isNew: newIds.has(String(r.id)) || r.status === "sent",
      prescriber: prescriber ? { name: prescriber.name, structure: prescriber.structure } : null,
      undoUntil: r.status === "hired" && r.hired_at ? new Date(new Date(r.hired_at).getTime() + HIRE_UNDO_HOURS * 3_600_000) : null,
      candidate: {
        candidateId: candidateHandle(offerId, String(r.profile_id)),
        pseudonym: pseudonymOf(r.first_name),
        reference: referenceFor(offerId, String(r.profile_id)),
        contact: withdrawn
          ? null
          : {
              firstName: r.first_name,
              lastName: r.last_name,
              email: r.email,
              phone: r.phone,
              communeName: r.commune_name,
            },
      },
    };
  });
  items.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const hires = items.filter((i) => i.status === "hired").length;
  return {
    offer: offerHeader(offer, hires),
    items,
  };
}

/** What an employer may set, and from which statuses. */
export const EMPLOYER_STATUSES = ["interview", "hired", "declined"] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
const ALLOWED_FROM: Record<EmployerStatus, ApplicationStatus[]> = {
  interview: ["sent", "seen"],
  hired: ["sent", "seen", "interview"],
  declined: ["sent", "seen", "interview"],
};

function refusal(current: ApplicationStatus, wanted: EmployerStatus): string {
  if (current === "withdrawn") return "La personne a retiré cette candidature : elle ne peut plus être modifiée.";
  if (current === "hired") return "Cette personne est déjà embauchée pour cette offre.";
  if (current === "declined") return "Cette candidature a déjà été refusée.";
  if (current === "interview" && wanted === "interview") return "Un entretien est déjà prévu avec cette personne.";
  return "Cette candidature ne peut pas prendre cet état.";
}

export type StatusChange = {
  id: string;
  status: ApplicationStatus;
  statusReason: DeclineReason | null;
  placementId: string | null;
  /** after a hire: the offer's hires and positions, and whether to suggest closing it as filled */
  hires: number;
  positions: number;
  suggestMarkFilled: boolean;
  /** the offer's version, for offers.markFilled */
  offerVersion: number;
  /** after a hire: who follows the person's first months (their adviser, or their territory's to take it) */
  followUp: FollowUp | null;
  /** after a hire: until when it can be undone */
  undoUntil: Date | null;
};

/** A hire can be undone for this long (a wrong tap, a person who did not come after all). */
export const HIRE_UNDO_HOURS = 24;
export const HIRE_UNDO_TOO_LATE =
  "Une embauche ne peut être annulée que dans les 24 heures. Si la personne ne travaille plus chez vous, dites-le au conseiller qui la suit, ou répondez au message de suivi.";

/**
 * The start date an employer gives a hire: from a year back to a year ahead. Missing (a caller
 * that does not ask), null: the placement starts on the offer's start date, or today if past.
 */
export function hireStartDate(startsOn: IsoDate | null | undefined, today: IsoDate): IsoDate | null {
  if (!startsOn) return null;
  if (startsOn < addMonths(today, -12)) throw new FieldErrors({ startsOn: ["La date d'embauche ne peut pas remonter à plus d'un an."] });
  if (startsOn > addMonths(today, 12)) throw new FieldErrors({ startsOn: ["La date d'embauche ne peut pas dépasser un an à venir."] });
  return startsOn;
}

const applicationNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Candidature introuvable." });

/** The offer an application belongs to (formation applications are not this inbox's business). */
export async function offerOfApplication(db: Database, applicationId: string): Promise<string> {
  const [a] = await db.select({ offerId: applications.offerId }).from(applications).where(eq(applications.id, applicationId)).limit(1);
  if (!a?.offerId) throw applicationNotFound();
  return a.offerId;
}

/**
 * The company answers an application. The caller's right to the offer is checked by the
 * router. Hiring records the placement in the same transaction; hires and declines are audited.
 */
export async function setApplicationStatus(
  db: Database,
  actorId: string,
  input: { applicationId: string; status: EmployerStatus; reason?: DeclineReason | null; startsOn?: IsoDate | null },
  today: IsoDate = instanceToday(),
): Promise<StatusChange> {
  const [current] = await db
    .select({
      id: applications.id,
      offerId: applications.offerId,
      profileId: applications.profileId,
      status: applications.status,
      answeredAt: applications.answeredAt,
    })
    .from(applications)
    .where(eq(applications.id, input.applicationId))
    .limit(1);
  if (!current?.offerId) throw applicationNotFound();
  if (input.status === "declined" && !input.reason) throw new FieldErrors({ reason: ["Choisissez la raison du refus."] });
  const allowed = ALLOWED_FROM[input.status];
  if (!allowed.includes(current.status)) throw new FieldErrors({ status: [refusal(current.status, input.status)] });
  const offer = await loadOffer(db, current.offerId);
  const reason = input.status === "declined" ? input.reason! : null;
  const startsOn = input.status === "hired" ? hireStartDate(input.startsOn, today) : null;

  const { placementId, followUp } = await db.transaction(async (tx) => {
    // someone else changed it in between (the person withdrew, another recruiter answered)
    if (!(await answerApplication(tx, current.id, input.status, reason, allowed))) throw new FieldErrors({ status: ["Cette candidature vient de changer : rechargez la page."] });
    let placement: string | null = null;
    let follow: FollowUp | null = null;
    if (input.status === "hired") {
      const created = await createPlacementForApplication(tx, current.id, actorId, today, startsOn);
      placement = created.id;
      follow = created.created ? await tellHire(tx, placement) : await whoFollows(tx, current.profileId);
      await recordAudit(tx, {
        actorId,
        action: "application.hire",
        subjectType: "application",
        subjectId: current.id,
        // where the application was before: undoing the hire puts it back there
        details: {
          offerId: offer.id,
          profileId: current.profileId,
          placementId: placement,
          startsOn,
          previousStatus: current.status,
          previousAnsweredAt: current.answeredAt?.toISOString() ?? null,
        },
      });
    } else if (input.status === "declined") {
      await recordAudit(tx, {
        actorId,
        action: "application.decline",
        subjectType: "application",
        subjectId: current.id,
        details: { offerId: offer.id, profileId: current.profileId, reason },
      });
    }
    // the person learns it with the change: the kind words of the reason, never the employer's label
    await tellApplicationChange(
      tx,
      [current.id],
      input.status === "declined" ? { kind: "declined", wording: reason ? DECLINE_REASON_TEXTS[reason].candidate : null } : { kind: input.status },
    );
    return { placementId: placement, followUp: follow };
  });
  return afterChange(db, offer, current.id, input.status, reason, placementId, followUp);
}

async function afterChange(
  db: Database,
  offer: OfferRow,
  applicationId: string,
  status: ApplicationStatus,
  reason: DeclineReason | null,
  placementId: string | null,
  followUp: FollowUp | null,
): Promise<StatusChange> {
  const hires = await hiresOf(db, offer.id);
  const placement = status === "hired" ? await placementOfApplication(db, applicationId) : null;
  return {
    id: applicationId,
    undoUntil: placement ? new Date(placement.createdAt.getTime() + HIRE_UNDO_HOURS * 3_600_000) : null,
    status,
    statusReason: reason,
    placementId,
    followUp,
    hires,
    positions: offer.positions,
    offerVersion: offer.version,
    // the offer stays as it is: the employer decides whether to close it
    suggestMarkFilled: status === "hired" && allPositionsTaken(offer, hires),
  };
}

/**
 * A person who accepted the company's contact request (without applying to this offer) is
 * hired: an application is recorded straight as "hired", with its placement. One who applied
 * goes through the inbox (same result).
 */
export async function recordHire(
  db: Database,
  actorId: string,
  offerId: string,
  profileId: string,
  startsOnInput: IsoDate | null = null,
  today: IsoDate = instanceToday(),
): Promise<StatusChange> {
  const offer = await loadOffer(db, offerId);
  const startsOn = hireStartDate(startsOnInput, today);
  const rel = await relationFor(db, offer, profileId);
  if (!rel.identityGranted) {
    if (!rel.searchable) throw new TRPCError({ code: "NOT_FOUND", message: "Candidat introuvable." });
    throw new FieldErrors({ _: ["Cette personne doit d'abord accepter votre demande de contact."] });
  }
  if (rel.application) {
    if (rel.application.status === "withdrawn") {
      throw new FieldErrors({ status: ["La personne a retiré sa candidature à cette offre."] });
    }
    return setApplicationStatus(db, actorId, { applicationId: rel.application.id, status: "hired", startsOn }, today);
  }
  const result = await db.transaction(async (tx) => {
    const appId = await insertHiredApplication(tx, profileId, offerId);
    if (!appId) throw new FieldErrors({ status: ["Cette personne vient de postuler : retrouvez-la dans les candidatures."] });
    const app = { id: appId };
    const placement = await createPlacementForApplication(tx, app.id, actorId, today, startsOn);
    await recordAudit(tx, {
      actorId,
      action: "application.hire",
      subjectType: "application",
      subjectId: app.id,
      details: { offerId, profileId, placementId: placement.id, startsOn, via: "contact", previousStatus: null },
    });
    await tellApplicationChange(tx, [app.id], { kind: "hired" });
    const followUp = placement.created ? await tellHire(tx, placement.id) : await whoFollows(tx, profileId);
    return { applicationId: app.id, placementId: placement.id, followUp };
  });
  return afterChange(db, offer, result.applicationId, "hired", null, result.placementId, result.followUp);
}

/**
 * The company undoes a hire within HIRE_UNDO_HOURS: the placement and its check-ins are
 * removed, the application goes back to where it was (a hire after a contact request loses
 * the application made for it), audited. What the person and their adviser were told stays
 * told: the screen says so. After that, refused in French.
 */
export async function undoHire(db: Database, actorId: string, applicationId: string, now: Date = new Date()): Promise<{ id: string; status: ApplicationStatus | null }> {
  const [current] = await db
    .select({ id: applications.id, offerId: applications.offerId, profileId: applications.profileId, status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .limit(1);
  if (!current?.offerId) throw applicationNotFound();
  if (current.status !== "hired") throw new FieldErrors({ status: ["Cette personne n'est pas (ou plus) marquée comme embauchée."] });
  const placement = await placementOfApplication(db, current.id);
  const since = placement?.createdAt ?? null;
  if (!since || now.getTime() - since.getTime() > HIRE_UNDO_HOURS * 3_600_000) throw new FieldErrors({ status: [HIRE_UNDO_TOO_LATE] });
  // where it was before the hire, as the hire's audit entry says
  const [hire] = await queryRows<{ details: Record<string, unknown> }>(
    db,
    sql`select details from audit_events where action = 'application.hire' and subject_type = 'application'
      and subject_id = ${current.id} order by at desc limit 1`,
  );
  const before = hire?.details ?? {};
  const previousStatus = typeof before.previousStatus === "string" ? (before.previousStatus as ApplicationStatus) : null;
  const previous =
    before.via === "contact" || !previousStatus
      ? ("none" as const)
      : {
          status: previousStatus,
          answeredAt: typeof before.previousAnsweredAt === "string" ? new Date(before.previousAnsweredAt) : null,
        };
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const removed = await removePlacementOfApplication(tx, current.id);
    if (!(await revertHire(tx, current.id, previous))) throw new FieldErrors({ status: ["Cette candidature vient de changer : rechargez la page."] });
    await recordAudit(tx, {
      actorId,
      action: "application.hire_undo",
      subjectType: "application",
      subjectId: current.id,
      details: { offerId: current.offerId, profileId: current.profileId, placementId: removed?.id ?? null, backTo: previous === "none" ? null : previous.status },
    });
    return { id: current.id, status: previous === "none" ? null : previous.status };
  });
}
