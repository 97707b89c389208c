import type { Metadata } from "next";
import { IconArrowRight, IconWarning } from "@/components/ui/icons";
import { RetryButton } from "./RetryButton";

// The page the service worker (public/sw.js) shows when the network is down and the page
// asked for was not kept. It is fetched once, without cookies, when the worker installs.
export const metadata: Metadata = { title: "Pas de connexion", robots: { index: false, follow: false } };

export default function OfflinePage() {
  return (
    <div className="narrow">
      <div className="page-header">
        <h1 className="with-icon">
          <IconWarning size="1.25em" />
          <span>Pas de connexion</span>
        </h1>
        <p className="lead">Votre téléphone n'est pas connecté à Internet.</p>
      </div>
      <p>Vérifiez le Wi-Fi ou les données mobiles, puis réessayez.</p>
      <p>
        <RetryButton />
      </p>
      <h2>Vous pouvez relire</h2>
      <p>Les dernières offres et formations que vous avez regardées restent sur votre téléphone :</p>
      <ul className="tiles">
        <li>
          {/* plain links: a full page load, which the service worker answers from what it kept */}
          <a href="/beneficiaire/offres" className="tile tile--secondary">
            <span className="tile__text">Mes dernières offres</span>
            <IconArrowRight />
          </a>
        </li>
        <li>
          <a href="/beneficiaire/formations" className="tile tile--secondary">
            <span className="tile__text">Mes dernières formations</span>
            <IconArrowRight />
          </a>
        </li>
      </ul>
    </div>
  );
}
