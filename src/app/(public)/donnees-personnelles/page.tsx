import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/PageHeader";
import { loadInstanceConfig } from "@/server/config/config";
import { OUTBOX_KEEP_DAYS } from "@/server/privacy/reasons";

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
        <li>
          La liste des actions importantes (création, activation, désactivation d'un compte) et de chaque fois qu'une personne
          de l'équipe ou une entreprise ouvre votre dossier ou voit votre nom : qui, et quand.
        </li>
        <li>
          Chaque fois qu'un conseiller ou l'équipe du Département voit vos données (votre CV, vos embauches, une liste, une
          recherche ou un classement où vous apparaissez), le service note qui les a vues, quand et sur quelle page. Ces
          consultations figurent dans vos données, que vous pouvez lire et télécharger.
        </li>
        <li>Votre CV (métiers, compétences, commune, déplacements, disponibilités), vos candidatures et les offres qu'on vous propose.</li>
        <li>Vos emplois trouvés ici et leur suivi à 1, 3 et 6 mois, et les notes de votre conseiller.</li>
        <li>Vos notifications et les e-mails que nous vous écrivons.</li>
      </ul>

      <h2>Qui les voit ?</h2>
      <ul>
        <li>Votre conseiller et l'équipe du Département qui gère le service.</li>
        <li>
          Les entreprises ne voient jamais si vous touchez le RSA, ni votre santé, ni les notes de votre conseiller. Elles ne voient
          votre nom et vos coordonnées que si vous acceptez d'être contacté.
        </li>
        <li>
          Avant que vous acceptiez, une entreprise ou un organisme de formation voit seulement : l'initiale de votre prénom, votre
          commune, une distance approximative (par exemple « 5 à 10 km »), comptée depuis le centre de votre commune et jamais depuis
          votre adresse, vos métiers et compétences choisis dans la liste, et les métiers auxquels mènent vos formations. Il ne voit
          rien de ce que vous avez écrit vous-même (le nom de vos formations, « quelques mots »…).
        </li>
        <li>
          Une même entreprise ne peut voir qu'une petite partie des personnes inscrites chaque jour, et elle ne peut pas savoir si
          la même personne apparaît pour deux de ses offres. Pour cela, nous gardons pendant 24 heures une trace codée des
          personnes qu'elle a vues.
        </li>
        <li>Vos données ne sont ni vendues, ni utilisées pour de la publicité.</li>
      </ul>

      <h2>Les statistiques publiques</h2>
      <p>
        La page « Statistiques » ne donne que des nombres de personnes, jamais leurs noms. Tout nombre inférieur à 5 y est
        masqué, seuls les mois terminés sont publiés, et un total n'est donné que si aucun de ses mois n'est masqué : personne
        ne peut retrouver un nombre masqué en comparant plusieurs périodes.
      </p>

      <h2>Combien de temps ?</h2>
      <ul>
        <li>
          Tant que vous utilisez le service. Après {config.retention.inactiveProfileMonths} mois sans aucune activité (pas de
          connexion, pas de changement de votre CV, pas de candidature, pas de réponse à une proposition, pas de suivi ni de note
          de votre conseiller), nous effaçons tout.
        </li>
        <li>
          Un mois avant, nous vous prévenons : par e-mail, et dans le site si vous avez un compte. Votre conseiller est prévenu
          aussi. Il suffit de vous connecter pour tout garder.
        </li>
        <li>Les e-mails que nous envoyons sont effacés {OUTBOX_KEEP_DAYS} jours après l'envoi.</li>
      </ul>

      <h2>Voir toutes vos données</h2>
      <p>
        Dans votre espace, page « Mes données », vous pouvez tout lire, l'imprimer ou le télécharger (PDF, et JSON pour un
        autre service) : votre compte, votre CV, vos candidatures, les propositions, vos emplois et leur suivi, les notes de
        votre conseiller, vos notifications, les e-mails, et la liste de qui a vu ou modifié vos données, et quand.
      </p>

      <h2>Tout effacer</h2>
      <p>
        Vous pouvez supprimer votre compte à tout moment, page « Mes données » (nous vous redemandons votre mot de passe). Si
        vous n'avez pas de compte, votre conseiller ou le Département peut vous effacer : demandez-le.
      </p>
      <p>
        Nous effaçons alors tout ce qui vous concerne : compte, CV, candidatures, propositions, emplois et suivi, notes, e-mails et
        notifications (les vôtres et ceux envoyés à votre conseiller sur vous), résultats de recherche. Dans la liste des actions,
        il reste seulement « une personne a été effacée », qui l'a fait, pourquoi et quand, sans votre nom. On ne peut pas revenir
        en arrière.
      </p>

      <h2>Cookies</h2>
      <p>
        Le service utilise seulement les cookies nécessaires pour vous garder connecté et protéger les formulaires. Il
        n'y a pas de cookie de publicité ni de mesure d'audience.
      </p>
    </div>
  );
}
