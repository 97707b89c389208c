import Link from "next/link";
import { IconArrowLeft } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/Button";
import { recruitingPaths } from "./labels";

/** "Retour à l'offre" and the two lists of an offer: ranked candidates, applications received. */
export function RecruitingNav({ offerId, current }: { offerId: string; current: "candidates" | "inbox" | null }) {
  const paths = recruitingPaths(offerId);
  return (
    <>
      <p>
        <Link href={paths.offer} className="recruit-back">
          <IconArrowLeft size="1.25em" />
          <span>Retour à l'offre</span>
        </Link>
      </p>
      <nav aria-label="Recrutement pour cette offre">
        <ul className="recruit-subnav">
          <li>
            <LinkButton
              href={paths.candidates}
              small
              variant={current === "candidates" ? "primary" : "secondary"}
              aria-current={current === "candidates" ? "page" : undefined}
            >
              Candidats proposés
            </LinkButton>
          </li>
          <li>
            <LinkButton
              href={paths.inbox}
              small
              variant={current === "inbox" ? "primary" : "secondary"}
              aria-current={current === "inbox" ? "page" : undefined}
            >
              Candidatures reçues
            </LinkButton>
          </li>
        </ul>
      </nav>
    </>
  );
}
