"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { IconContract, IconFilter, IconRuler, IconTick } from "@/components/ui/icons";
import { CONTRACT_CHIP_LABELS, CONTRACTS } from "@/server/offers/labels";
import { distanceSteps, parseView, searchQuery, type OfferSearch } from "./search";
import cardStyles from "@/components/ui/cards/cards.module.css";
import styles from "./offers.module.css";

/** A spinner inside the chip being loaded: on a slow network the tap must visibly do something. */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <span className={styles.spinner} aria-hidden="true" /> : null;
}

function Chip({ href, selected, children }: { href: string; selected: boolean; children: ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        // every filter runs the matcher on the server: fetch only what is tapped
        prefetch={false}
        scroll={false}
        replace
        className={selected ? `${cardStyles.chip} ${cardStyles.chipSelected}` : cardStyles.chip}
        aria-current={selected ? "true" : undefined}
      >
        {selected ? <IconTick size="1em" /> : null}
        <span>{children}</span>
        <Pending />
      </Link>
    </li>
  );
}

/**
 * The offers filters as links (they work before the JavaScript has loaded, and the URL keeps
 * them): distance first, always shown; contract and working time folded under a summary.
 */
export function FilterBar({ limitKm, search }: { limitKm: number; search: OfferSearch }) {
  const pathname = usePathname();
  // the list/map switch changes ?vue= in place: keep it in every link
  const view = parseView(Object.fromEntries(useSearchParams()));
  const href = (change: Partial<OfferSearch>) => `${pathname}${searchQuery({ ...search, view, ...change })}`;
  const limit = Math.round(limitKm);
  const secondary = [
    search.contract ? CONTRACT_CHIP_LABELS[search.contract] : null,
    search.hours === "plein" ? "temps plein" : search.hours === "partiel" ? "temps partiel" : null,
  ].filter(Boolean);

  return (
    <section className={styles.filters} aria-labelledby="filtres-titre">
      <h2 id="filtres-titre" className={styles.filtersTitle}>
        <IconFilter />
        <span>Filtrer les offres</span>
      </h2>
      <div className={cardStyles.chipGroup} role="group" aria-labelledby="filtre-distance">
        <p id="filtre-distance" className={cardStyles.chipLabel}>
          <IconRuler />
          <span>Distance : jusqu'à</span>
        </p>
        <ul className={cardStyles.chips}>
          {distanceSteps(limitKm).map((km) => (
            <Chip
              key={km}
              href={href({ distance: km === limit ? null : km })}
              selected={(search.distance ?? limit) === km}
            >
              {km} km
            </Chip>
          ))}
        </ul>
      </div>
      <details className={styles.moreFilters} open={secondary.length > 0 || undefined}>
        <summary>
          <IconContract />
          <span>
            Contrat et temps de travail
            {secondary.length ? <span className={styles.summaryValue}> : {secondary.join(", ")}</span> : null}
          </span>
        </summary>
        <div className={cardStyles.chipGroup} role="group" aria-labelledby="filtre-contrat">
          <p id="filtre-contrat" className={cardStyles.chipLabel}>
            Contrat :
          </p>
          <ul className={cardStyles.chips}>
            <Chip href={href({ contract: null })} selected={!search.contract}>
              Tous
            </Chip>
            {CONTRACTS.map((c) => (
              <Chip key={c} href={href({ contract: c })} selected={search.contract === c}>
                {CONTRACT_CHIP_LABELS[c]}
              </Chip>
            ))}
          </ul>
        </div>
        <div className={cardStyles.chipGroup} role="group" aria-labelledby="filtre-temps">
          <p id="filtre-temps" className={cardStyles.chipLabel}>
            Temps de travail :
          </p>
          <ul className={cardStyles.chips}>
            <Chip href={href({ hours: null })} selected={!search.hours}>
              Tous
            </Chip>
            <Chip href={href({ hours: "plein" })} selected={search.hours === "plein"}>
              Temps plein
            </Chip>
            <Chip href={href({ hours: "partiel" })} selected={search.hours === "partiel"}>
              Temps partiel
            </Chip>
          </ul>
        </div>
      </details>
    </section>
  );
}
