import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { INVALID_TOKEN_MESSAGE, unsubscribeTarget } from "@/server/api/unsubscribe";

export const metadata: Metadata = { title: "Ne plus recevoir ces e-mails", robots: { index: false } };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The link at the bottom of every e-mail. Opening it changes nothing (mail programs and
 * antivirus open links on their own): the button does, through POST /api/desabonnement.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = (first(params.jeton) ?? "").slice(0, 400);
  const state = first(params.etat);
  const target = unsubscribeTarget(token);
  const settings = (
    <p>
      Pour choisir plus finement (SMS, notifications, une fois par jour ou par semaine), connectez-vous et ouvrez « Mes messages ».{" "}
      <Link href="/connexion">Se connecter</Link>
    </p>
  );

  if (!target) {
    return (
      <div className="narrow">
        <PageHeader title="Ne plus recevoir ces e-mails" />
        <Notice tone="error" title="Ce lien ne marche pas" live="none">
          <p>{INVALID_TOKEN_MESSAGE}</p>
        </Notice>
        {settings}
      </div>
    );
  }
  if (state === "fait") {
    return (
      <div className="narrow">
        <PageHeader title="C'est fait" />
        <Notice tone="success" title="Vous ne recevrez plus ces e-mails" live="none">
          <p>Plus d&apos;e-mail ni de SMS pour « {target.label} ». Vous les verrez toujours en vous connectant.</p>
        </Notice>
        {settings}
      </div>
    );
  }
  if (target.required) {
    return (
      <div className="narrow">
        <PageHeader title="Ces messages protègent votre compte" />
        <p>
          « {target.label} » : nous vous écrivons seulement avant de masquer ou d&apos;effacer votre profil. Ces e-mails ne peuvent pas être arrêtés.
        </p>
        {settings}
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeader title="Ne plus recevoir ces e-mails" intro={`Vous ne recevrez plus d'e-mail ni de SMS pour : « ${target.label} ».`} />
      <p>Vous verrez toujours ces messages en vous connectant. Vous pourrez les remettre quand vous voulez dans « Mes messages ».</p>
      <form method="post" action={`/api/desabonnement?jeton=${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="depuis" value="page" />
        <button type="submit" className="btn btn--primary btn--block">
          Ne plus recevoir ces e-mails
        </button>
      </form>
      {settings}
    </div>
  );
}
