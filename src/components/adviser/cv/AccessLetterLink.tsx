import { IconPrint } from "@/components/ui/icons";
import "./cv.css";

export const ACCESS_LETTER_LABEL = "Télécharger le courrier (PDF)";

/**
 * The access-code letter as a PDF, for the code shown next to it: downloading it never
 * changes the code (a new code is a separate action on the person's file).
 */
export function AccessLetterLink({ userId }: { userId: string }) {
  return (
    <div className="adviser-cv__letter">
      <a className="btn btn--secondary" href={`/api/lettre/${userId}`} target="_blank" rel="noopener" data-testid="access-letter-pdf">
        <IconPrint />
        <span>{ACCESS_LETTER_LABEL}</span>
      </a>
      <p className="muted">Le courrier porte ce même code. Vous pouvez le télécharger autant de fois que nécessaire.</p>
    </div>
  );
}
