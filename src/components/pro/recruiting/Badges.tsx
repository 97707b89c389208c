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

export function ApplicationBadge({ status }: { status: ApplicationStatus }) {
  return (
    <p className={`recruit-badge recruit-badge--${status}`} data-testid="application-status">
      <span className="sr-only">État de la candidature : </span>
      {APPLICATION_LABELS[status]}
    </p>
  );
}
