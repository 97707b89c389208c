// Words of the employer's offer pages, safe to import from client code (the server's enums
// are imported as types only: src/server/offers/schema.ts pulls in Drizzle).
import type { EffectiveStatus } from "@/server/offers/read";

export type { EffectiveStatus };

export const OFFER_STATUS_LABELS: Record<EffectiveStatus, string> = {
  draft: "Brouillon",
  published: "Publiée",
  paused: "En pause",
  expired: "Expirée",
  filled: "Pourvue",
  closed: "Clôturée",
};

/** What each status means, said once under the badge on the detail page. */
export const OFFER_STATUS_HELP: Record<EffectiveStatus, string> = {
  draft: "Les candidats ne la voient pas encore.",
  published: "Les candidats proches la voient et peuvent postuler.",
  paused: "Les candidats ne la voient plus pour l'instant ; vous pouvez la remettre en ligne.",
  expired: "Sa date d'expiration est passée : les candidats ne la voient plus. Choisissez une nouvelle date pour la remettre en ligne.",
  filled: "Le poste est pourvu : l'offre n'est plus proposée.",
  closed: "L'offre est clôturée : elle n'est plus proposée.",
};

const BADGE_CLASS: Record<EffectiveStatus, string> = {
  draft: "badge offer-badge offer-badge--draft",
  published: "badge badge--active offer-badge",
  paused: "badge badge--pending offer-badge",
  expired: "badge badge--disabled offer-badge",
  filled: "badge badge--active offer-badge",
  closed: "badge offer-badge offer-badge--closed",
};

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  return (
    <span className={BADGE_CLASS[status]} data-testid="offer-status">
      {OFFER_STATUS_LABELS[status]}
    </span>
  );
}
