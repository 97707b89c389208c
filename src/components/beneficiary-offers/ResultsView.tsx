"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { plural } from "@/components/ui/format";
import { IconList, IconMap } from "@/components/ui/icons";
import type { MapData } from "./map-types";
import type { View } from "./search";
import styles from "./offers.module.css";

// MapLibre and turf are big: they load only when the person chooses "Carte".
const ResultsMap = dynamic(() => import("./ResultsMap"), {
  ssr: false,
  loading: () => (
    <div className={styles.mapPlaceholder}>
      <span className={styles.spinner} aria-hidden="true" />
      <span>Chargement de la carte…</span>
    </div>
  ),
});

const NOUNS = { offer: ["offre", "offres"], formation: ["formation", "formations"] } as const;

/** The sentence that says what the map shows, for everyone (and for screen readers). */
export function mapDescription(map: MapData): string {
  const [one, many] = NOUNS[map.kind];
  const where = map.homeCommune ? ` à ${map.homeCommune}` : "";
  const radius = Math.round(map.radiusKm);
  return (
    `La carte montre votre domicile${where} (la maison orange), ` +
    `${map.points.length === 0 ? `aucune ${one}` : plural(map.points.length, one, many)} (les repères bleus) ` +
    `et le cercle de ${radius} km autour de chez vous. La liste en dessous donne les mêmes ${many}.`
  );
}

/**
 * "Liste / Carte": the list is always there (the main way to read the results); "Carte" adds
 * the map above it. The choice is kept in the URL (?vue=carte) without reloading the page.
 */
export function ResultsView({ initialView, map, children }: { initialView: View; map: MapData; children: ReactNode }) {
  const [view, setView] = useState<View>(initialView);
  const noun = NOUNS[map.kind][1];

  function choose(next: View) {
    setView(next);
    const url = new URL(window.location.href);
    if (next === "carte") url.searchParams.set("vue", "carte");
    else url.searchParams.delete("vue");
    window.history.replaceState(window.history.state, "", url);
  }

  return (
    <>
      <div className={styles.switch} role="group" aria-label={`Voir les ${noun}`}>
        <button
          type="button"
          className={styles.switchButton}
          aria-pressed={view === "liste"}
          onClick={() => choose("liste")}
        >
          <IconList />
          <span>Liste</span>
        </button>
        <button
          type="button"
          className={styles.switchButton}
          aria-pressed={view === "carte"}
          onClick={() => choose("carte")}
        >
          <IconMap />
          <span>Carte</span>
        </button>
      </div>
      {view === "carte" ? (
        <section className={styles.mapSection} aria-labelledby="carte-titre">
          <h2 id="carte-titre" className="sr-only">
            Carte des {noun}
          </h2>
          <ResultsMap {...map} describedBy="carte-description" />
          <ul className={styles.legend} aria-hidden="true">
            <li>
              <span className={`${styles.legendSymbol} ${styles.legendHome}`} /> Votre domicile
            </li>
            <li>
              <span className={`${styles.legendSymbol} ${styles.legendPoint}`} /> {map.kind === "offer" ? "Une offre" : "Une formation"}
            </li>
            <li>
              <span className={`${styles.legendSymbol} ${styles.legendCircle}`} /> Jusqu'où vous allez ({Math.round(map.radiusKm)} km)
            </li>
            {map.styleUrl ? null : (
              <li>
                <span className={`${styles.legendSymbol} ${styles.legendTerritory}`} /> Les territoires du département
              </li>
            )}
          </ul>
          <p id="carte-description" className={styles.mapDescription} data-testid="map-description">
            {mapDescription(map)}
          </p>
        </section>
      ) : null}
      {children}
    </>
  );
}
