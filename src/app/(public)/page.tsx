import Link from "next/link";
import { currentUser } from "@/server/api/session";
import { ErasedNotice } from "@/components/ErasedNotice";
import {
  IconMagnifier as IconSearch,
  IconArrowRight,
  IconBriefcase,
  IconHome,
  IconJobSearch,
  IconKey,
  IconSignIn,
} from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/Button";
import { loadInstanceConfig } from "@/server/config/config";

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const config = loadInstanceConfig();
  const signedIn = Boolean(await currentUser());
  return (
    <div className="readable">
      <ErasedNotice searchParams={searchParams} />
      <div className="page-header">
        <h1>Trouver un emploi près de chez vous</h1>
        <p className="lead">
          {config.displayName} aide les personnes qui cherchent un emploi et les entreprises qui recrutent à se
          rencontrer. C'est gratuit.
        </p>
      </div>

      {signedIn ? (
        <p>
          <LinkButton href="/espace" icon={<IconHome />}>
            Aller à mon espace
          </LinkButton>
        </p>
      ) : (
        <>
          <h2 className="sr-only">Que voulez-vous faire ?</h2>
          <ul className="tiles tiles--two">
            <li>
              <Link href="/inscription?profil=candidat" className="tile">
                <IconJobSearch size="2.5rem" />
                <span className="tile__text">
                  Je cherche un emploi
                  <span className="tile__hint">Je crée mon compte</span>
                </span>
                <IconArrowRight />
              </Link>
            </li>
            <li>
              <Link href="/inscription?profil=employeur" className="tile">
                <IconBriefcase size="2.5rem" />
                <span className="tile__text">
                  Je recrute
                  <span className="tile__hint">Je crée le compte de mon entreprise</span>
                </span>
                <IconArrowRight />
              </Link>
            </li>
          </ul>
          <ul className="tiles tiles--two">
            <li>
              <Link href="/activer" className="tile tile--secondary">
                <IconKey size="2rem" />
                <span className="tile__text">
                  J'ai reçu un code
                  <span className="tile__hint">Mon conseiller a créé mon compte</span>
                </span>
              </Link>
            </li>
            <li>
              <Link href="/connexion" className="tile tile--secondary">
                <IconSignIn size="2rem" />
                <span className="tile__text">
                  Se connecter
                  <span className="tile__hint">J'ai déjà un compte</span>
                </span>
              </Link>
            </li>
          </ul>
          <p>
            Vous êtes un organisme de formation ?{" "}
            <Link href="/inscription?profil=organisme">Inscrivez votre organisme pour publier vos formations</Link>.
          </p>
        </>
      )}

      <h2>Les offres et les formations</h2>
      <p>Regardez ce qui est proposé près de chez vous, sans créer de compte.</p>
      <ul className="tiles tiles--two">
        <li>
          <Link href="/offres" className="tile tile--secondary">
            <IconSearch size="2rem" />
            <span className="tile__text">
              Voir les offres d'emploi
              <span className="tile__hint">Par métier, commune et distance</span>
            </span>
          </Link>
        </li>
        <li>
          <Link href="/formations" className="tile tile--secondary">
            <IconSearch size="2rem" />
            <span className="tile__text">
              Voir les formations
              <span className="tile__hint">Pour apprendre un métier</span>
            </span>
          </Link>
        </li>
      </ul>

      <h2>Comment ça marche ?</h2>
      <ol className="steps">
        <li>Vous créez votre compte avec une adresse e-mail et un mot de passe.</li>
        <li>Vous remplissez votre CV depuis votre téléphone, en choisissant vos métiers dans une liste.</li>
        <li>Les entreprises proches de chez vous vous trouvent. Votre conseiller vous accompagne.</li>
      </ol>
    </div>
  );
}
