import Link from "next/link";
import { currentUser } from "@/server/api/session";
import { signOutAction } from "@/app/actions/session";
import { ROLE_LABELS } from "./roles";
import { IconHome, IconLock, IconMail, IconSignIn, IconSignOut, IconUser } from "@/components/ui/icons";

/** Each persona's "Mes messages" (admins use the advisers' space). */
const MESSAGES_BY_ROLE: Record<string, string> = {
  beneficiary: "/beneficiaire/messages",
  employer: "/employeur/messages",
  training_org: "/organisme/messages",
  adviser: "/conseiller/messages",
  admin: "/conseiller/messages",
};

type SiteHeaderProps = { displayName: string; organisation: string; logo: string };

/** The instance's logo and name, and the account menu (a native <details>: works without JS). */
export async function SiteHeader({ displayName, organisation, logo }: SiteHeaderProps) {
  // the checked session (a revoked or expired one shows as signed out)
  const user = await currentUser();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          {/* the name is written beside the logo: the image itself says nothing more */}
          <img src={logo} alt="" width={40} height={40} />
          <span>
            {displayName}
            <span className="brand__org">{organisation}</span>
          </span>
        </Link>
        {user ? (
          <details className="account-menu">
            <summary>
              <IconUser size="1.25em" />
              <span>Mon compte</span>
            </summary>
            <div className="account-menu__panel">
              <p>
                <strong>{`${user.firstName} ${user.lastName}`.trim()}</strong>
                <br />
                <span className="muted">{ROLE_LABELS[user.role] ?? ""}</span>
              </p>
              <Link href="/espace" className="btn btn--secondary">
                <IconHome size="1.25em" />
                <span>Mon espace</span>
              </Link>
              <Link href={MESSAGES_BY_ROLE[user.role] ?? "/espace"} className="btn btn--secondary">
                <IconMail size="1.25em" />
                <span>Mes messages</span>
              </Link>
              <Link href="/espace/compte" className="btn btn--secondary">
                <IconLock size="1.25em" />
                <span>Sécurité du compte</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="btn btn--secondary">
                  <IconSignOut size="1.25em" />
                  <span>Se déconnecter</span>
                </button>
              </form>
            </div>
          </details>
        ) : (
          <Link href="/connexion" className="btn btn--secondary btn--small">
            <IconSignIn size="1.25em" />
            <span>Se connecter</span>
          </Link>
        )}
      </div>
    </header>
  );
}
