import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import { ActivateForm } from "./ActivateForm";

export const metadata: Metadata = { title: "Activer mon compte" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ActivatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // ?code=… from the "mot de passe oublié" e-mail's link; ?motif=oubli words the page for it.
  const code = (first(params.code) ?? "").slice(0, 20);
  const forgotten = first(params.motif) === "oubli";
  return (
    <div className="narrow">
      {forgotten ? (
        <PageHeader
          title="Choisir un nouveau mot de passe"
          intro="Tapez le code reçu par e-mail (ou donné par votre conseiller), l'adresse e-mail de votre compte et votre nouveau mot de passe."
        />
      ) : (
        <PageHeader
          title="Activer mon compte"
          intro="Votre conseiller, ou la personne responsable du compte de votre entreprise, a créé votre compte et vous a donné un code. Choisissez maintenant votre adresse e-mail et votre mot de passe."
        />
      )}
      <ActivateForm initialCode={code} forgotten={forgotten} />
      <h2>Un problème avec le code ?</h2>
      <p>Vous l'avez perdu, ou il ne marche plus ? Demandez-en un nouveau à la personne qui vous l'a donné.</p>
      <p>
        Votre compte est déjà activé ? <Link href="/connexion">Se connecter</Link>
      </p>
    </div>
  );
}
