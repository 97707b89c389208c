import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconHome } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="narrow">
      <PageHeader title="Page introuvable" intro="Cette page n'existe pas ou a été déplacée." />
      <p>Vérifiez l'adresse, ou repartez de l'accueil.</p>
      <LinkButton href="/" icon={<IconHome />}>
        Aller à l'accueil
      </LinkButton>
    </div>
  );
}
