import { IconMail, IconPin, IconBriefcase, IconUser } from "@/components/ui/icons";
import { Card } from "@/components/ui/Card";
import type { RouterOutputs } from "@/lib/trpc/types";
import { availabilityWords, yearsWords } from "./labels";
import { formatDate } from "@/lib/dates";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import { DRIVING_LICENCE_SHORT, TRAVEL_MODE_INLINE } from "@/server/profiles/labels";
import { formatPhoneForPeople } from "@/lib/phone";

type CandidateIdentity = NonNullable<RouterOutputs["recruiting"]["candidate"]["identity"]>;

/** The person's contact details: shown only to a company they applied to or said yes to. */
export function CandidateContactCard({ identity }: { identity: CandidateIdentity }) {
  return (
    <Card title="Coordonnées" icon={<IconUser />} id="coordonnees">
      <ul className="recruit-contact">
        {identity.phone ? (
          <li>
            <span aria-hidden="true">☎</span>
            <a href={`tel:${identity.phone.replace(/[^\d+]/g, "")}`}>
              <span className="sr-only">Téléphone : </span>
              {formatPhoneForPeople(identity.phone)}
            </a>
          </li>
        ) : null}
        {identity.email ? (
          <li>
            <IconMail size="1.25em" />
            <a href={`mailto:${identity.email}`}>
              <span className="sr-only">E-mail : </span>
              {identity.email}
            </a>
          </li>
        ) : null}
        {identity.communeName ? (
          <li>
            <IconPin size="1.25em" />
            <span>
              <span className="sr-only">Habite à </span>
              {identity.communeName} {identity.postcode ? `(${identity.postcode})` : ""}
            </span>
          </li>
        ) : null}
        {!identity.phone && !identity.email ? <li>La personne n'a pas laissé de téléphone ni d'e-mail : passez par son conseiller.</li> : null}
      </ul>
    </Card>
  );
}

/** The full CV, as the person's own CV page shows it (without the editing links). */
export function CandidateCv({ identity }: { identity: CandidateIdentity }) {
  return (
    <Card title="CV" icon={<IconBriefcase />} id="cv" className="recruit-cv">
      {identity.about ? <p>{identity.about}</p> : null}
      <section aria-labelledby="cv-sought">
        <h3 id="cv-sought">Métiers recherchés</h3>
        {identity.jobsSought.length ? (
          <ul>
            {identity.jobsSought.map((j, i) => (
              <li key={i}>{j.label}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Non précisés.</p>
        )}
      </section>
      <section aria-labelledby="cv-done">
        <h3 id="cv-done">Expérience</h3>
        {identity.jobsDone.length ? (
          <ul>
            {identity.jobsDone.map((j, i) => (
              <li key={i}>
                {j.label}
                {yearsWords(j.years) ? ` : ${yearsWords(j.years)}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Aucun métier indiqué.</p>
        )}
      </section>
      <section aria-labelledby="cv-skills">
        <h3 id="cv-skills">Compétences</h3>
        {identity.skills.length ? (
          <ul>
            {identity.skills.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Non précisées.</p>
        )}
      </section>
      {identity.qualities.length ? (
        <section aria-labelledby="cv-qualities">
          <h3 id="cv-qualities">Qualités</h3>
          <ul>
            {identity.qualities.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="cv-formations">
        <h3 id="cv-formations">Formations</h3>
        {identity.formations.length ? (
          <ul>
            {identity.formations.map((f, i) => (
              <li key={i}>
                {f.title}
                {f.year ? ` (${f.year})` : ""}
                {f.completed ? "" : " : en cours"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Aucune formation indiquée.</p>
        )}
      </section>
      <section aria-labelledby="cv-mobility">
        <h3 id="cv-mobility">Déplacements</h3>
        <ul>
          <li>
            {identity.travelModes.length ? identity.travelModes.map((m) => TRAVEL_MODE_INLINE[m]).join(", ").replace(/^./, (c) => c.toUpperCase()) : "Moyens de transport non précisés"}
            , jusqu'à {Math.round(identity.maxDistanceKm)} km
          </li>
          <li>
            {DRIVING_LICENCE_SHORT[identity.drivingLicence]} · {identity.hasVehicle ? "a un véhicule" : "pas de véhicule"}
          </li>
        </ul>
      </section>
      <section aria-labelledby="cv-availability">
        <h3 id="cv-availability">Disponibilités</h3>
        <p>{availabilityWords(identity, (d) => formatDate(d, instanceTimeZone()), instanceToday())}</p>
      </section>
    </Card>
  );
}
