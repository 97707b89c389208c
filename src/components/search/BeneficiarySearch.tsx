import Link from "next/link";
import type { ReactNode } from "react";
import cardStyles from "@/components/ui/cards/cards.module.css";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { MAX_PAGES, PAGE_SIZE } from "./params";
import styles from "./search.module.css";

/**
 * What the beneficiary's offers and formations pages show while the search box holds words:
 * the count (the same live region as the ranked list), the facet chips, the hits, "Voir plus",
 * and the way back to the ranked list.
 */
export function BeneficiarySearchResults({
  count,
  facets,
  total,
  shown,
  page,
  moreHref,
  backHref,
  backLabel,
  emptyTitle,
  listLabel,
  children,
}: {
  count: string;
  facets?: ReactNode;
  total: number;
  shown: number;
  page: number;
  moreHref: string;
  backHref: string;
  backLabel: string;
  emptyTitle: string;
  listLabel: string;
  /** the <li> of each hit */
  children: ReactNode;
}) {
  return (
    <>
      {facets}
      <p className={cardStyles.count} role="status" data-testid="results-count">
        {count}
      </p>
      <p>
        <Link href={backHref} data-testid="back-to-ranked">
          {backLabel}
        </Link>
      </p>
      {shown === 0 ? (
        <Notice tone="info" title={emptyTitle} live="none" className={cardStyles.empty}>
          <p>Essayez un autre mot, plus court, ou un métier proche.</p>
        </Notice>
      ) : (
        <>
          <h2 className="sr-only">{listLabel}</h2>
          <ol className={cardStyles.cards} data-testid="search-results">
            {children}
          </ol>
          {shown < total && page < MAX_PAGES ? (
            <p className={styles.more}>
              <LinkButton variant="secondary" block href={`${moreHref}#n${page * PAGE_SIZE + 1}`} scroll={false} replace prefetch={false}>
                Voir plus de résultats
              </LinkButton>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
