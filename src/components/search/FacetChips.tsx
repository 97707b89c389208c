import Link from "next/link";
import { IconTick } from "@/components/ui/icons";
import chipStyles from "@/components/ui/cards/cards.module.css";
import styles from "./search.module.css";

export type FacetOption = {
  key: string;
  label: string;
  /** hits with this value among the results (nothing shown when unknown) */
  count?: number;
  href: string;
  selected: boolean;
};

/**
 * One filter as a row of chips: links, so they work before the JavaScript has loaded and the
 * URL keeps them. The count says how many results each choice leaves.
 */
export function FacetChips({ id, label, options }: { id: string; label: string; options: FacetOption[] }) {
  if (options.length === 0) return null;
  return (
    <div className={chipStyles.chipGroup} role="group" aria-labelledby={id} data-testid={`facet-${id}`}>
      <p id={id} className={chipStyles.chipLabel}>
        {label}
      </p>
      <ul className={chipStyles.chips}>
        {options.map((o) => (
          <li key={o.key} className={styles.facetItem}>
            <Link
              href={o.href}
              // every choice runs a search on the server: fetch only what is tapped
              prefetch={false}
              scroll={false}
              replace
              className={[chipStyles.chip, styles.facetChip, o.selected && chipStyles.chipSelected].filter(Boolean).join(" ")}
              aria-current={o.selected ? "true" : undefined}
              data-facet={o.key}
              data-count={o.count}
            >
              {o.selected ? <IconTick size="1em" /> : null}
              <span>
                {o.label}
                {o.count !== undefined ? <span className={styles.facetCount}> ({o.count})</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The chips of one facet: "Tous", then each value that has results (or is chosen), most
 * results first.
 */
export function facetOptions(
  counts: Record<string, number> | undefined,
  labels: Record<string, string>,
  selected: string | null,
  href: (value: string | null) => string,
): FacetOption[] {
  const entries = Object.entries(counts ?? {}).filter(([key, n]) => n > 0 && key in labels);
  if (selected && !entries.some(([key]) => key === selected)) entries.push([selected, counts?.[selected] ?? 0]);
  if (entries.length === 0) return [];
  entries.sort((a, b) => b[1] - a[1] || labels[a[0]]!.localeCompare(labels[b[0]]!, "fr"));
  return [
    { key: "tous", label: "Tous", href: href(null), selected: selected === null },
    ...entries.map(([key, n]) => ({ key, label: labels[key]!, count: n, href: href(key), selected: selected === key })),
  ];
}
