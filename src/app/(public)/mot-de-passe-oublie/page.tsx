import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <PageHeader
        title="Mot de passe oublié"
        intro="Donnez l'adresse e-mail de votre compte : nous vous envoyons un code pour choisir un nouveau mot de passe."
      />
      <ForgotPasswordForm />
      <h2>Pas d'adresse e-mail, ou plus accès à votre boîte ?</h2>
      <p>
        Votre conseiller peut vous donner un nouveau code sur papier. Pour un compte d'entreprise, la personne qui a créé le
        compte de l'entreprise peut le faire.
      </p>
      <p>
        Vous avez déjà un code ? <Link href="/activer?motif=oubli">Choisir mon nouveau mot de passe</Link>
      </p>
    </div>
  );
}
