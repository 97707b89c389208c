import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconDocument } from "@/components/ui/icons";
import { CV_START_PATH } from "@/components/beneficiary-offers/paths";

/** Shown instead of the results while the person has no CV, or no job in it yet. */
export function CompleteCvNotice({ what }: { what: "offres" | "formations" }) {
  return (
    <Notice tone="info" title="D'abord, votre CV" live="none">
      <p>
        Pour vous montrer des {what} près de chez vous, nous avons besoin de savoir où vous habitez et quel métier vous
        cherchez.
      </p>
      <p>Cela prend quelques minutes. Vous choisissez dans des listes : pas besoin d'écrire.</p>
      <p>
        <LinkButton href={CV_START_PATH} icon={<IconDocument />}>
          Faire mon CV
        </LinkButton>
      </p>
    </Notice>
  );
}
