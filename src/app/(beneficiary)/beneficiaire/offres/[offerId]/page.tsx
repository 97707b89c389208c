import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ApplyButton } from "@/components/beneficiary-offers/ApplyButton";
import { OfferFacts } from "@/components/beneficiary-offers/Facts";
import { APPLICATIONS_PATH } from "@/components/beneficiary-offers/paths";
import { distanceLabel, type TravelMode } from "@/components/ui/format";
import { IconStar } from "@/components/ui/icons";
import cardStyles from "@/components/ui/cards/cards.module.css";
import styles from "@/components/beneficiary-offers/offers.module.css";
import { Notice } from "@/components/ui/Notice";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import type { BeneficiaryOfferView } from "@/server/offers/read";
import { instanceToday } from "@/server/config/time-zone";

export const metadata: Metadata = { title: "Offre d'emploi" };

type Props = { params: Promise<{ offerId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function BeneficiaryOfferPage({ params }: Props) {
  const { offerId } = await params;
  await requirePageRole(["beneficiary"], `/beneficiaire/offres/${offerId}`);
  if (!UUID.test(offerId)) notFound();
  const caller = await serverCaller();
  let view: BeneficiaryOfferView;
  try {
    view = await caller.offers.forBeneficiary({ offerId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  // The person opened it: counted once in the offer's views (open offers only).
  if (view.open) await caller.offers.recordView({ offerId });

  const { offer } = view;
  const today = instanceToday();
  const applied = view.applicationStatus !== null && view.applicationStatus !== "withdrawn";
  const headingId = "offre-titre";

  return (
    <div className="readable">
      <p>
        <Link href="/beneficiaire/offres">Retour aux offres</Link>
      </p>
      <article className={cardStyles.card} aria-labelledby={headingId} data-testid="offer-detail">
        <h1 id={headingId} className={cardStyles.cardTitle}>
          {offer.title}
        </h1>
        <OfferFacts
          offer={offer}
          place={
            <>
              {[offer.communeName, view.addressLine].filter(Boolean).join(", ")}
              {view.distanceKm !== null ? (
                <>
                  {" · "}
                  <strong className={cardStyles.distance} data-testid="offer-distance">
                    {distanceLabel(view.distanceKm)}
                  </strong>
                  <span className="sr-only"> de chez vous</span>
                </>
              ) : null}
            </>
          }
          distanceKm={view.distanceKm}
          travelModes={view.travelModes as TravelMode[]}
          today={today}
          positions={view.positions}
        />

        {view.romeLabel ? (
          <p>
            <strong>Métier :</strong> {view.romeLabel}
          </p>
        ) : null}

        {view.requiredSkills.length ? (
          <section aria-labelledby="demande">
            <h2 id="demande" className={cardStyles.cardTitle}>
              Ce qui est demandé
            </h2>
            <ul className={styles.reasons}>
              {view.requiredSkills.map((s) => (
                <li key={s.ogrCode}>
                  <IconStar size="1em" />
                  <span>{s.label}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {view.wishedSkills.length ? (
          <section aria-labelledby="un-plus">
            <h2 id="un-plus" className={cardStyles.cardTitle}>
              Un plus
            </h2>
            <ul>
              {view.wishedSkills.map((s) => (
                <li key={s.ogrCode}>{s.label}</li>
              ))}
            </ul>
          </section>
        ) : null}

        {offer.description ? (
          <section aria-labelledby="description">
            <h2 id="description" className={cardStyles.cardTitle}>
              Le poste
            </h2>
            <p style={{ whiteSpace: "pre-line" }}>{offer.description}</p>
          </section>
        ) : null}

        {view.open ? (
          <ApplyButton kind="offer" targetId={view.id} headingId={headingId} alreadySent={applied} />
        ) : (
          <Notice tone="info" title="Cette offre n'est plus ouverte aux candidatures" live="none">
            {applied ? (
              <p>
                Votre candidature est gardée : retrouvez-la dans <Link href={APPLICATIONS_PATH}>Mes candidatures</Link>.
              </p>
            ) : (
              <p>
                D'autres offres vous attendent : <Link href="/beneficiaire/offres">voir les offres près de chez vous</Link>.
              </p>
            )}
          </Notice>
        )}
      </article>
    </div>
  );
}
