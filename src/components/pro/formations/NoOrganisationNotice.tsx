import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { FORMATION_PATHS, type FormationSpace } from "./paths";

/** An account whose organisation is not registered yet (created by an administrator) is sent to register it. */
export function NoOrganisationNotice({ space }: { space: FormationSpace }) {
  const paths = FORMATION_PATHS[space];
  const what = space === "training" ? "votre organisme" : "votre entreprise";
  return (
    <Notice tone="info" title={`Enregistrez d'abord ${what}`} live="none">
      <p>
        Pour publier des formations, indiquez le numéro SIRET et l'adresse de {what}. Ses formations porteront son nom.
      </p>
      <p>
        <LinkButton href={paths.organisation} variant="secondary">
          {paths.organisationLabel}
        </LinkButton>
      </p>
    </Notice>
  );
}
