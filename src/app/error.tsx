"use client";

import Link from "next/link";
import { useEffect } from "react";

// Shown when a page fails on the server or in the browser. The technical details stay in the
// server logs; the person gets a plain sentence and two ways out.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: string }).digest ?? "") : "";
  return (
    <div className="narrow">
      <h1>Une erreur est survenue</h1>
      <p className="lead">Le service n'a pas pu afficher cette page. Ce n'est pas de votre faute.</p>
      <p>Réessayez dans un instant. Si le problème continue, prévenez votre conseiller.</p>
      {digest ? <p className="muted">Référence de l'erreur : {digest}</p> : null}
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={() => retry()}>
          Réessayer
        </button>
        <Link href="/" className="btn btn--secondary">
          Aller à l'accueil
        </Link>
      </div>
    </div>
  );
}
