import type { Metadata } from "next";
import Link from "next/link";
import { safeReturnPath } from "@/app/actions/return-path";
import { parseSignInCode } from "@/app/actions/sign-in-codes";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Se connecter" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const retour = safeReturnPath(first(params.retour));
  // Auth.js itself sends here with ?error=CredentialsSignin&code=… when its own routes refuse a sign-in.
  const code = first(params.code);
  const fin = first(params.fin);
  const ended = fin === "partout" ? "partout" : fin === "1" ? "session" : null;
  const initial = code ? parseSignInCode(code) : undefined;
  return (
    <div className="narrow">
      <PageHeader title="Se connecter" intro="Avec l'adresse e-mail et le mot de passe de votre compte." />
      {ended ? (
        <Notice tone="info" live="none">
          {ended === "partout"
            ? "Vous êtes déconnecté de tous vos appareils. Reconnectez-vous pour continuer."
            : "Votre connexion a pris fin (déconnexion, nouveau mot de passe ou longue absence). Reconnectez-vous pour continuer."}
        </Notice>
      ) : null}
      <SignInForm retour={retour} initial={initial} />
      <p>
        <Link href={retour ? `/connexion/code?retour=${encodeURIComponent(retour)}` : "/connexion/code"}>
          Se connecter avec un code reçu par e-mail
        </Link>{" "}
        (sans mot de passe)
      </p>
      <h2>Pas encore de compte ?</h2>
      <ul>
        <li>
          <Link href="/inscription">Créer un compte</Link>
        </li>
        <li>
          <Link href="/activer">J'ai reçu un code de mon conseiller</Link>
        </li>
      </ul>
      <h2>Mot de passe oublié ?</h2>
      <p>
        <Link href="/mot-de-passe-oublie">Recevoir un code par e-mail pour en choisir un nouveau</Link>. Sans adresse
        e-mail, votre conseiller peut vous donner un nouveau code.
      </p>
    </div>
  );
}
