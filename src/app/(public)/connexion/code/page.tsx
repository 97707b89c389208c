import type { Metadata } from "next";
import Link from "next/link";
import { safeReturnPath } from "@/app/actions/return-path";
import { PageHeader } from "@/components/ui/PageHeader";
import { CodeSignInForm } from "./CodeSignInForm";

export const metadata: Metadata = { title: "Se connecter avec un code" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function CodeSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const retour = safeReturnPath(first(params.retour));
  const code = first(params.code);
  const initialCode = code && /^[A-Za-z0-9\- ]{10,16}$/.test(code) ? code : null;
  return (
    <div className="narrow">
      <PageHeader
        title="Se connecter avec un code"
        intro="Sans mot de passe : nous envoyons un code à l'adresse e-mail de votre compte. Il marche une seule fois, pendant 15 minutes."
      />
      <CodeSignInForm retour={retour} initialCode={initialCode} />
      <p>
        <Link href="/connexion">Se connecter avec le mot de passe</Link>
      </p>
    </div>
  );
}
