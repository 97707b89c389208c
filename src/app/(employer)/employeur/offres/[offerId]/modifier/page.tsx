import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/pro/offers/OfferForm";
import { OFFER_STATUS_HELP, StatusBadge } from "@/components/pro/offers/labels";
import { offerValues, otherSkillsOf } from "@/components/pro/offers/values";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { loadEmployerOffer } from "@/components/pro/offers/load";

export const metadata: Metadata = { title: "Modifier une offre" };

type Props = { params: Promise<{ offerId: string }> };

export default async function EditOfferPage({ params }: Props) {
  const { offerId } = await params;
  await requirePageRole(["employer"], `/employeur/offres/${offerId}/modifier`);
  const offer = await loadEmployerOffer(await serverCaller(), offerId);
  if (!offer) notFound();
  const finished = offer.status === "filled" || offer.status === "closed";
  return (
    <div className="readable">
      <p>
        <Link href={`/employeur/offres/${offer.id}`}>Retour à l'offre</Link>
      </p>
      <PageHeader title={`Modifier : ${offer.fields.title}`}>
        <p>
          <StatusBadge status={offer.effectiveStatus} /> {OFFER_STATUS_HELP[offer.effectiveStatus]}
        </p>
      </PageHeader>
      {finished ? (
        <Notice tone="info" title="Cette offre est terminée" live="none">
          <p>Une offre pourvue ou clôturée ne se modifie plus. Dupliquez-la pour publier une offre semblable.</p>
          <LinkButton href={`/employeur/offres/${offer.id}`} variant="secondary">
            Voir l'offre
          </LinkButton>
        </Notice>
      ) : (
        <OfferForm
          offerId={offer.id}
          version={offer.version}
          status={offer.effectiveStatus}
          initial={offerValues(offer)}
          initialJobSkills={offer.jobSkills}
          otherSkills={otherSkillsOf(offer)}
        />
      )}
    </div>
  );
}
