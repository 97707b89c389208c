import type { SessionUser } from "@/server/trpc/context";
import { ROLE_LABELS } from "./roles";
import { Card } from "./ui/Card";
import { IconUser } from "@/components/ui/icons";

/** What the account holds about the person: name, e-mail, kind of account. */
export function AccountDetails({ user, title = "Votre compte" }: { user: SessionUser; title?: string }) {
  return (
    <Card title={title} icon={<IconUser />} id="compte">
      <dl className="details-list">
        <dt>Nom</dt>
        <dd>
          {user.firstName} {user.lastName}
        </dd>
        <dt>Adresse e-mail</dt>
        <dd>{user.email ?? "—"}</dd>
        <dt>Type de compte</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
    </Card>
  );
}
