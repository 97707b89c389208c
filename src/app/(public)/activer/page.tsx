import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import { ActivateForm } from "./ActivateForm";

export const metadata: Metadata = { title: "Activer mon compte" };

export default function ActivatePage() {
  return (
    <div className="narrow">
      <PageHeader
        title="Activer mon compte"
        intro="Votre conseiller, ou la personne responsable du compte de votre entreprise, a créé votre compte et vous a donné un code. Choisissez maintenant votre adresse e-mail et votre mot de passe."
      />
      <ActivateForm />
      <h2>Un problème avec le code ?</h2>
      <p>Vous l'avez perdu, ou il ne marche plus ? Demandez-en un nouveau à la personne qui vous l'a donné.</p>
      <p>
        Votre compte est déjà activé ? <Link href="/connexion">Se connecter</Link>
      </p>
    </div>
  );
}
