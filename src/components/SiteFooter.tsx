import Link from "next/link";

export function SiteFooter({ organisation }: { organisation: string }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <ul>
          <li>
            <Link href="/offres">Offres d'emploi</Link>
          </li>
          <li>
            <Link href="/formations">Formations</Link>
          </li>
          <li>
            <Link href="/donnees-personnelles">Données personnelles</Link>
          </li>
          <li>
            <Link href="/accessibilite">Accessibilité</Link>
          </li>
          <li>
            <Link href="/statistiques">Statistiques</Link>
          </li>
        </ul>
        <p className="muted">Service gratuit proposé par : {organisation}.</p>
      </div>
    </footer>
  );
}
