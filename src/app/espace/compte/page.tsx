import type { Metadata } from "next";
import Link from "next/link";
import { signOutEverywhereAction } from "@/app/actions/session";
import { ROLE_LABELS } from "@/components/roles";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconSignOut } from "@/components/ui/icons";
import { ROLES } from "@/server/auth/schema";
import { requirePageRole } from "@/server/api/session";
import { STAFF_IDLE_MINUTES, STAFF_SESSION_HOURS } from "@/server/auth/sessions";

export const metadata: Metadata = { title: "Mon compte" };

/** Every signed-in person: who they are signed in as, and how to end every session. */
export default async function AccountPage() {
  const user = await requirePageRole([...ROLES], "/espace/compte");
  const staff = user.role === "adviser" || user.role === "admin";
  return (
    <div className="narrow">
      <PageHeader title="Mon compte" />
      <p>
        <strong>{`${user.firstName} ${user.lastName}`.trim()}</strong>
        <br />
        {user.email ? <span>{user.email}</span> : null}
        <br />
        <span className="muted">{ROLE_LABELS[user.role] ?? ""}</span>
      </p>

      <h2>Se déconnecter partout</h2>
      <p>
        Vous vous êtes connecté sur un autre téléphone ou un ordinateur public ? Vous pensez que quelqu'un utilise votre
        compte ? Déconnectez tous les appareils d'un coup, celui-ci compris. Il faudra ensuite vous reconnecter.
      </p>
      {staff ? (
        <p className="muted">
          Pour les conseillers et les administrateurs, la connexion s'arrête toute seule après {STAFF_SESSION_HOURS} heures,
          ou après {STAFF_IDLE_MINUTES} minutes sans activité.
        </p>
      ) : null}
      <form action={signOutEverywhereAction}>
        {/* a plain button: this page is a server component (works without JavaScript) */}
        <button type="submit" className="btn btn--secondary">
          <IconSignOut />
          <span>Se déconnecter partout</span>
        </button>
      </form>

      <h2>Mot de passe</h2>
      <p>
        Pour changer de mot de passe, <Link href="/mot-de-passe-oublie">recevez un code par e-mail</Link>. Le nouveau mot
        de passe déconnecte aussi tous les appareils.
      </p>
    </div>
  );
}
