import type { Metadata } from "next";
import Link from "next/link";
import { OfferForm } from "@/components/pro/offers/OfferForm";
import { newOfferValues } from "@/components/pro/offers/values";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { instanceToday } from "@/server/config/time-zone";

export const metadata: Metadata = { title: "Publier une offre" };

export default async function NewOfferPage() {
  await requirePageRole(["employer"], "/employeur/offres/nouvelle");
  const caller = await serverCaller();
  const [{ organisation }, instance] = await Promise.all([caller.offers.mine(), caller.instance.info()]);
  const header = (
    <PageHeader
      title="Publier une offre"
      intro="Les champs servent à trouver les candidats proches du poste. Vous pouvez enregistrer un brouillon et y revenir plus tard."
    />
  );
  if (!organisation) {
    return (
      <div className="readable">
        {header}
        <Notice tone="warning" title="Enregistrez d'abord votre entreprise" live="none">
          <p>
            Pour publier une offre, donnez le numéro SIRET et la commune de votre entreprise :{" "}
            <Link href="/employeur/entreprise">enregistrer mon entreprise</Link>.
          </p>
        </Notice>
      </div>
    );
  }
  const commune =
    organisation.communeInsee && organisation.communeName
      ? { insee: organisation.communeInsee, name: organisation.communeName, postcodes: organisation.postcodes }
      : null;
  return (
    <div className="readable">
      {header}
      <OfferForm
        status="new"
        initial={newOfferValues({ commune, radiusKm: instance.defaultTravelRadiusKm, today: instanceToday() })}
        initialJobSkills={{ skills: [], softSkills: [] }}
        otherSkills={[]}
      />
    </div>
  );
}
