import { IconPrint } from "@/components/ui/icons";
import "./cv.css";

export const ACCESS_LETTER_LABEL = "Imprimer un nouveau courrier (PDF)";

/**
 * The access-code letter as a PDF. The code is never kept in clear, so each download issues
 * a NEW code and the previous letter stops working: the words say so.
 */
export function AccessLetterLink({ userId }: { userId: string }) {
  return (
    <div className="adviser-cv__letter">
      <a className="btn btn--secondary" href={`/api/lettre/${userId}`} target="_blank" rel="noopener" data-testid="access-letter-pdf">
        <IconPrint />
        <span>{ACCESS_LETTER_LABEL}</span>
      </a>
      <p className="muted">Un nouveau code est créé à chaque impression : l'ancien courrier ne marche plus.</p>
    </div>
  );
}
