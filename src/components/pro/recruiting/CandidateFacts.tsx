import type { RouterOutputs } from "@/lib/trpc/types";
import { availabilityWords, yearsWords } from "./labels";
import { formatDate } from "@/lib/dates";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import { DRIVING_LICENCE_SHORT } from "@/server/profiles/labels";

type CandidateCard = RouterOutputs["recruiting"]["candidate"]["card"];

/** What a pseudonymised card says of a person: place and distance, jobs, skills, availability, licence, why. */
export function CandidateFacts({ card, full = false }: { card: CandidateCard; full?: boolean }) {
  return (
    <>
      <dl className="recruit-facts">
        <dt>Habite</dt>
        <dd>
          {card.communeName || "Commune non précisée"}
          {card.distanceLabel ? ` · ${card.distanceLabel.charAt(0).toLowerCase()}${card.distanceLabel.slice(1)} de l'offre` : ""}
        </dd>
        <dt>Recherche</dt>
        <dd>{card.jobsSought.length ? card.jobsSought.join(", ") : "Non précisé"}</dd>
        {card.jobsDone.length ? (
          <>
            <dt>Expérience</dt>
            <dd>
              <ul className="recruit-inline-list">
                {card.jobsDone.map((j, i) => (
                  <li key={i}>
                    {j.label}
                    {yearsWords(j.years) ? ` (${yearsWords(j.years)})` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Compétences</dt>
        <dd>
          <SkillList skills={card.skills} folded={!full} />
        </dd>
        {full && card.qualities.length ? (
          <>
            <dt>Qualités</dt>
            <dd>{card.qualities.join(", ")}</dd>
          </>
        ) : null}
        {full && card.formations.length ? (
          <>
            <dt>Formations</dt>
            <dd>
              <ul className="recruit-inline-list">
                {card.formations.map((f, i) => (
                  <li key={i}>
                    Mène à : {f.leadsTo.join(", ")}
                    {f.year ? ` (${f.year})` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Disponibilités</dt>
        <dd>{availabilityWords(card, (d) => formatDate(d, instanceTimeZone()), instanceToday())}</dd>
        <dt>Permis et véhicule</dt>
        <dd>
          {DRIVING_LICENCE_SHORT[card.drivingLicence]} · {card.hasVehicle ? "a un véhicule" : "pas de véhicule"}
        </dd>
      </dl>
      {card.reasons.length ? (
        <>
          <p className="recruit-card__why">
            <strong>Pourquoi ce candidat :</strong>
          </p>
          <ul className="recruit-reasons">
            {card.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Ne correspond pas à tous les critères de l'offre (distance, horaires ou permis).</p>
      )}
    </>
  );
}

/** "Correspondance : 87 %" */
export function ScoreLabel({ score }: { score: number | null }) {
  if (score === null) return null;
  return (
    <span className="recruit-score">
      Correspondance : {Math.round(score)} %
    </span>
  );
}

/**
 * The skills the offer asks for first, marked (a tick and bold, not colour alone); in the list
 * the others are folded behind "Autres compétences", so that what matters reads at a glance.
 */
export function SkillList({ skills, folded }: { skills: CandidateCard["skills"]; folded: boolean }) {
  if (!skills.length) return <>Non précisées</>;
  const wanted = skills.filter((s) => s.wanted);
  const others = skills.filter((s) => !s.wanted);
  const othersList = (
    <ul className="recruit-inline-list">
      {others.map((s, i) => (
        <li key={i}>{s.label}</li>
      ))}
    </ul>
  );
  return (
    <>
      {wanted.length ? (
        <ul className="recruit-skill-chips" aria-label="Compétences demandées par l'offre" data-testid="wanted-skills">
          {wanted.map((s, i) => (
            <li key={i} className="recruit-wanted">
              <span aria-hidden="true">✓ </span>
              {s.label}
              <span className="sr-only"> (demandée par l'offre)</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted recruit-skill-none">Aucune des compétences demandées par l'offre.</p>
      )}
      {others.length ? (
        folded ? (
          <details className="recruit-skill-more">
            <summary>
              {wanted.length ? "Autres compétences" : "Ses compétences"} ({others.length})
            </summary>
            {othersList}
          </details>
        ) : (
          othersList
        )
      ) : null}
    </>
  );
}
