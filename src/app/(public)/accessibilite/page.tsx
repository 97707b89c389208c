import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/PageHeader";
import { loadInstanceConfig } from "@/server/config/config";

export const metadata: Metadata = { title: "Accessibilité" };

export default function Accessibility() {
  const config = loadInstanceConfig();
  return (
    <div className="narrow">
      <PageHeader
        title="Accessibilité"
        intro={`${config.displayName} doit pouvoir être utilisé par tout le monde, y compris avec un handicap.`}
      />

      <h2>État de conformité</h2>
      <p>
        Le service est <strong>partiellement conforme</strong> au référentiel général d'amélioration de
        l'accessibilité (RGAA 4.1). Aucun audit complet n'a encore été fait.
      </p>

      <h2>Ce que nous faisons</h2>
      <ul>
        <li>Les pages sont pensées d'abord pour un téléphone, avec un texte assez grand et des boutons faciles à toucher.</li>
        <li>Le service se parcourt au clavier et avec un lecteur d'écran. Chaque champ a une étiquette et ses erreurs sont expliquées à côté.</li>
        <li>Les textes sont courts, avec des mots simples. Des images aident à comprendre, toujours à côté des mots.</li>
        <li>Chaque page est vérifiée automatiquement avec un outil de test d'accessibilité (axe) avant chaque mise en ligne.</li>
      </ul>

      <h2>Ce qui n'est pas encore accessible</h2>
      <ul>
        <li>La carte des offres (à venir) aura aussi une liste, car une carte est difficile à utiliser sans la voir.</li>
        <li>Les tests avec des personnes qui utilisent un lecteur d'écran ou qui lisent difficilement restent à faire.</li>
      </ul>

      <h2>Signaler un problème</h2>
      <p>
        Si une page vous pose problème, dites-le à votre conseiller ou écrivez à {config.organisation}. Nous vous
        aiderons à obtenir l'information autrement. Si vous n'avez pas de réponse, vous pouvez contacter le Défenseur
        des droits.
      </p>
    </div>
  );
}
