import Link from "next/link";
import { LinkButton } from "@/components/ui/Button";
import { IconArrowRight, IconMail, IconPhone } from "@/components/ui/icons";
import { Notice } from "@/components/ui/Notice";
import type { DrivingLicence, TravelMode } from "@/server/profiles/labels";
import { WidenButton } from "./WidenButton";
import styles from "./offers.module.css";

type Props = {
  /** offers a bit beyond the person's limit (matching.offersFurther), null when none */
  further: { fromKm: number; toKm: number; count: number } | null;
  /** the CV's travel answers: widening changes only the distance */
  mobility: { travelModes: TravelMode[]; drivingLicence: DrivingLicence; hasVehicle: boolean };
  /** help the instance lists (instance.mobilityHelp) */
  mobilityHelp: ReadonlyArray<{ name: string; description: string; phone?: string; url?: string }>;
  /** profile.myAdviser */
  adviser: { adviser: { firstName: string; lastName: string; email: string | null } | null; territory: string | null };
  organisation: string;
  mobilityStepHref: string;
};

const telHref = (phone: string) => `tel:${phone.replace(/[\s.]/g, "")}`;

/**
 * What a person who finds no offer within their reach can do next, rather than a dead end:
 * offers a bit further with a one-tap widen, help to get there without a car, their adviser.
 */
export function NothingNearby({ further, mobility, mobilityHelp, adviser, organisation, mobilityStepHref }: Props) {
  const offers = (n: number) => (n > 1 ? `${n} offres` : "1 offre");
  return (
    <div className={styles.nothingNearby} data-testid="rien-pres">
      <Notice tone="info" title="Pas d'offre près de chez vous pour l'instant" live="none">
        <p>De nouvelles offres arrivent chaque semaine. Voici ce que vous pouvez faire en attendant.</p>
      </Notice>

      {further ? (
        <section aria-labelledby="plus-loin-titre" className={styles.nothingNearbySection}>
          <h2 id="plus-loin-titre">Un peu plus loin</h2>
          <p data-testid="plus-loin">
            <strong>
              {offers(further.count)} entre {further.fromKm} et {further.toKm} km
            </strong>{" "}
            de chez vous.
          </p>
          {mobility.travelModes.length ? (
            <WidenButton toKm={further.toKm} mobility={mobility} label={`Voir les offres jusqu'à ${further.toKm} km`} />
          ) : (
            <LinkButton href={mobilityStepHref} icon={<IconArrowRight />}>
              Dire jusqu&apos;où je peux aller
            </LinkButton>
          )}
          <p className={styles.nothingNearbyHint}>Cela change la distance de votre CV. Vous pourrez la remettre comme avant.</p>
        </section>
      ) : null}

      {mobilityHelp.length ? (
        <section aria-labelledby="aides-titre" className={styles.nothingNearbySection}>
          <h2 id="aides-titre">Pas de voiture ? Des aides pour vous déplacer</h2>
          <ul className={styles.helpList}>
            {mobilityHelp.map((help) => (
              <li key={help.name} className={styles.help}>
                <h3>{help.name}</h3>
                <p>{help.description}</p>
                {help.phone || help.url ? (
                  <p className={styles.helpLinks}>
                    {help.phone ? (
                      <a href={telHref(help.phone)} className={styles.helpLink}>
                        <IconPhone />
                        <span>
                          Appeler le {help.phone}
                          <span className="sr-only"> ({help.name})</span>
                        </span>
                      </a>
                    ) : null}
                    {help.url ? (
                      <a href={help.url} className={styles.helpLink} rel="noopener noreferrer" target="_blank">
                        <IconArrowRight />
                        <span>
                          En savoir plus<span className="sr-only"> sur « {help.name} » (nouvel onglet)</span>
                        </span>
                      </a>
                    ) : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="conseiller-titre" className={styles.nothingNearbySection}>
        <h2 id="conseiller-titre">Parler à mon conseiller</h2>
        {adviser.adviser?.email ? (
          <>
            <p>
              {adviser.adviser.firstName} {adviser.adviser.lastName} peut vous aider à trouver une offre, une formation ou
              une solution pour vous déplacer.
            </p>
            <p>
              <a
                className="btn btn--secondary"
                href={`mailto:${adviser.adviser.email}?subject=${encodeURIComponent("Je ne trouve pas d'offre près de chez moi")}`}
              >
                <IconMail />
                <span>Écrire à mon conseiller</span>
              </a>
            </p>
          </>
        ) : (
          <p data-testid="sans-conseiller">
            Vous n&apos;avez pas encore de conseiller. Pour en avoir un, demandez-le au service insertion ({organisation}
            {adviser.territory ? `, territoire de ${adviser.territory}` : ""}) ou à votre prochain rendez-vous pour le RSA.
            Il pourra aussi vous aider pour vos trajets.
          </p>
        )}
        <p>
          Vous pouvez aussi <Link href="/beneficiaire/cv">ajouter des métiers à votre CV</Link>.
        </p>
      </section>
    </div>
  );
}
