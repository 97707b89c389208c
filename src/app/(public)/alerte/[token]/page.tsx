import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formationAnchor } from "@/components/beneficiary-offers/FormationCard";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconHome } from "@/components/ui/icons";
import { recordAlertClick, type AlertTarget } from "@/server/alerts/clicks";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Lien d'une alerte", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** Where an alert's item leads: its offer, or the formation in the person's list (sign-in first, asked by those pages). */
function targetPath(t: AlertTarget): string {
  return t.kind === "offer" ? `/beneficiaire/offres/${t.entityId}` : `/beneficiaire/formations#${formationAnchor(t.entityId)}`;
}

/** The link of one offer or formation in an alert e-mail: counts the first click, then opens it. */
export default async function AlertLinkPage({ params }: Props) {
  const { token } = await params;
  const target = await recordAlertClick(await getDb(), decodeURIComponent(token).slice(0, 100));
  if (target) redirect(targetPath(target));
  return (
    <div className="narrow">
      <PageHeader title="Ce lien n'est plus valable" intro="L'offre de ce message n'est plus disponible par ce lien." />
      <p>Les offres qui vous correspondent sont toujours dans votre espace, après connexion.</p>
      <LinkButton href="/" icon={<IconHome />}>
        Aller à l'accueil
      </LinkButton>
    </div>
  );
}
