import type { ApplicationStatus } from "@/server/applications/schema";
import type { ContactState } from "@/server/recruiting/relations";
import { APPLICATION_LABELS, CONTACT_LABELS } from "./labels";

/** The marks on a candidate: applied, proposed by an adviser, the state of the company's request. */
export function CandidateBadges({
  applied,
  proposedByAdviser,
  contact,
}: {
  applied: boolean;
  proposedByAdviser: boolean;
  contact: ContactState;
}) {
  return (
    <ul className="recruit-badges" aria-label="Situation">
      {applied ? <li className="recruit-badge recruit-badge--applied">A postulé</li> : null}
      {proposedByAdviser ? <li className="recruit-badge recruit-badge--adviser">Proposé par un conseiller</li> : null}
      <li className={`recruit-badge recruit-badge--${contact}`} data-testid="contact-state">
        {CONTACT_LABELS[contact]}
      </li>
    </ul>
  );
}

/**
 * One state per application: "Nouvelle" for one not read before this opening of the inbox
 * (it is marked read as the page opens: "Lue" would contradict it), else its status.
 */
export function ApplicationBadge({ status, isNew = false }: { status: ApplicationStatus; isNew?: boolean }) {
  const fresh = isNew && (status === "sent" || status === "seen");
  return (
    <p className={`recruit-badge recruit-badge--${fresh ? "sent" : status}`} data-testid="application-status">
      <span className="sr-only">État de la candidature : </span>
      {fresh ? "Nouvelle" : APPLICATION_LABELS[status]}
    </p>
  );
}
