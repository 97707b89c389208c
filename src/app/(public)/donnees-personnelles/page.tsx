import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/PageHeader";
import { loadInstanceConfig } from "@/server/instance/config";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalData() {
  const config = loadInstanceConfig();
  return (
    <div className="narrow">
      <PageHeader
        title="Données personnelles"
        intro={`Ce que ${config.displayName} garde sur vous, pourquoi, et ce que vous pouvez demander.`}
      />

      <h2>Qui est responsable ?</h2>
      <p>
        {config.organisation} est responsable de ce service et des données qu'il contient. Il l'utilise pour
        accompagner les personnes vers l'emploi.
      </p>

      <h2>Ce que nous gardons</h2>
      <ul>
        <li>Votre compte : prénom, nom, adresse e-mail et mot de passe (le mot de passe est protégé : personne ne peut le lire, pas même l'équipe du service).</li>
        <li>La date de création du compte et la date de votre dernière connexion.</li>
        <li>Les tentatives de connexion (adresse e-mail et adresse internet), pendant 24 heures, pour ralentir les personnes qui essaient de deviner un mot de passe. Elles ne vous empêchent jamais d'entrer : un code reçu par e-mail marche toujours.</li>
        <li>
          Vos connexions (date de début et de dernière activité, sur chaque appareil), pendant 30 jours au plus, pour
          pouvoir les arrêter : « Se déconnecter » arrête celle de l'appareil, « Se déconnecter partout » et un nouveau mot
          de passe les arrêtent toutes. Pour les conseillers et les administrateurs, une connexion s'arrête après 8 heures,
          ou après une heure sans activité.
        </li>
        <li>
          Pendant une inscription, tant que le code envoyé par e-mail n'est pas tapé : ce que vous avez rempli, 30 minutes au
          plus. Si l'adresse a déjà un compte, rien n'est gardé et la personne qui a ce compte reçoit un e-mail pour le lui
          dire.
        </li>
        <li>
          Le nombre d'inscriptions et de codes d'activation erronés par adresse internet, et de demandes de contact, de
          nouveaux codes et d'imports par compte, pendant 24 heures, pour limiter les abus.
        </li>
        <li>La liste des actions importantes sur les comptes (création, activation, désactivation), pour la sécurité.</li>
        <li>Plus tard, si vous le remplissez : votre CV (métiers, compétences, commune, déplacements, disponibilités).</li>
      </ul>

      <h2>Qui les voit ?</h2>
      <ul>
        <li>Votre conseiller et l'équipe du Département qui gère le service.</li>
        <li>
          Les entreprises ne voient jamais si vous touchez le RSA, ni votre santé, ni les notes de votre conseiller. Elles ne voient
          votre nom et vos coordonnées que si vous acceptez d'être contacté.
        </li>
        <li>Vos données ne sont ni vendues, ni utilisées pour de la publicité.</li>
      </ul>

      <h2>Combien de temps ?</h2>
      <p>
        Tant que votre compte est utilisé. Vous pouvez demander la suppression de votre compte à tout moment.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez demander à voir vos données, les corriger ou les supprimer. Demandez-le à votre conseiller ou
        écrivez à {config.organisation}. Si vous n'êtes pas satisfait de la réponse, vous pouvez vous adresser à la
        CNIL (Commission nationale de l'informatique et des libertés).
      </p>

      <h2>Cookies</h2>
      <p>
        Le service utilise seulement les cookies nécessaires pour vous garder connecté et protéger les formulaires. Il
        n'y a pas de cookie de publicité ni de mesure d'audience.
      </p>
    </div>
  );
}
