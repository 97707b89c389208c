import { LinkButton } from "@/components/ui/Button";
import { IconArrowRight } from "@/components/ui/icons";
import type { RouterOutputs } from "@/lib/trpc/types";
import { CandidateBadges } from "./Badges";
import { CandidateFacts, ScoreLabel } from "./CandidateFacts";
import { ContactRequest } from "./ContactRequest";
import { recruitingPaths } from "./labels";

type RankedCandidate = RouterOutputs["recruiting"]["candidates"]["items"][number];

/** One ranked, pseudonymised candidate in the list. */
export function CandidateListItem({ offerId, candidate: c, canContact }: { offerId: string; candidate: RankedCandidate; canContact: boolean }) {
  const headingId = `candidate-${c.reference}`;
  const who = `${c.pseudonym} (réf. ${c.reference})`;
  return (
    <article className="recruit-card" aria-labelledby={headingId} data-testid="candidate-card">
      <div className="recruit-card__head">
        <h2 id={headingId} className="recruit-card__title">
          <span className="sr-only">N° {c.rank} : </span>
          {c.pseudonym} <span className="recruit-card__ref">réf. {c.reference}</span>
        </h2>
        <ScoreLabel score={c.score} />
      </div>
      <CandidateBadges applied={c.applied} proposedByAdviser={c.proposedByAdviser} contact={c.contact} />
      <CandidateFacts card={c} />
      <div className="actions" style={{ marginTop: "var(--space-3)" }}>
        <LinkButton href={recruitingPaths(offerId).candidate(c.candidateId)} variant="secondary" icon={<IconArrowRight />}>
          {c.identityGranted ? "Voir son CV complet" : "Voir la fiche"}
          <span className="sr-only"> de {who}</span>
        </LinkButton>
        {canContact && !c.identityGranted ? (
          <ContactRequest offerId={offerId} candidateId={c.candidateId} who={who} alreadySent={c.contact !== "none"} />
        ) : null}
      </div>
    </article>
  );
}
