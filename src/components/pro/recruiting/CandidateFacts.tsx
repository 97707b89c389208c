import type { RouterOutputs } from "@/lib/trpc/types";
import { availabilityWords, yearsWords } from "./labels";
import { formatDate } from "@/lib/dates";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import { DRIVING_LICENCE_SHORT } from "@/server/profiles/labels";

type CandidateCard = RouterOutputs["recruiting"]["candidate"]["card"];

/** What a pseudonymised card says of a person: place and distance, jobs, skills, availability, licence, why. */
export function CandidateFacts({ card, full = false }: { card: CandidateCard; full?: boolean }) {
  const skills = full ? card.skills : card.skills.slice(0, 8);
  const more = card.skills.length - skills.length;
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
          {skills.length ? (
            <ul className="recruit-inline-list">
              {skills.map((s, i) => (
                <li key={i} className={s.wanted ? "recruit-wanted" : undefined}>
                  {s.label}
                  {s.wanted ? <span className="sr-only"> (demandée par l'offre)</span> : null}
                </li>
              ))}
              {more > 0 ? <li>et {more} autre{more > 1 ? "s" : ""}</li> : null}
            </ul>
          ) : (
            "Non précisées"
          )}
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
