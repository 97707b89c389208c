import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import { SignUpForm, type SignUpRole } from "./SignUpForm";

export const metadata: Metadata = { title: "Créer un compte" };

// French words in the URL (?profil=candidat|employeur|organisme), roles in the code.
const PROFILES: Record<string, SignUpRole> = { candidat: "beneficiary", employeur: "employer", organisme: "training_org" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { profil } = await searchParams;
  const initialRole = typeof profil === "string" ? PROFILES[profil] : undefined;
  return (
    <div className="narrow">
      <PageHeader title="Créer un compte" intro="C'est gratuit. Il faut une adresse e-mail, et le numéro SIRET pour une entreprise ou un organisme de formation." />
      <SignUpForm initialRole={initialRole} />
      <h2>Vous avez déjà un compte ?</h2>
      <ul>
        <li>
          <Link href="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link href="/activer">J'ai reçu un code de mon conseiller</Link>
        </li>
      </ul>
    </div>
  );
}
