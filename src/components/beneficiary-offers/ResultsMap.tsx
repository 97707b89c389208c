"use client";

import { bbox, circle } from "@turf/turf";
import maplibregl, { type StyleSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import type { MapData, MapPoint } from "./map-types";
import styles from "./offers.module.css";

// Loaded on demand (next/dynamic, no server rendering) when the person chooses "Carte".

/**
 * The offline base (no tile server): a land-coloured background; the département's communes
 * and the territories' outlines come from /api/carte/fond once the map is up (addBase).
 */
const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "fond", type: "background", paint: { "background-color": "#f2efe9" } }],
};

/** Where the offline base's data is served (src/app/api/carte/fond/route.ts). */
export const BASE_MAP_URL = "/api/carte/fond";

type BaseMap = {
  communes: GeoJSON.FeatureCollection<GeoJSON.Point, { name: string; population: number }>;
  territories: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { code: string; name: string }>;
};

/** The smallest commune labelled at a zoom level: the towns first, every village close up. */
export function labelMinPopulation(zoom: number): number {
  if (zoom < 8.5) return 10_000;
  if (zoom < 9.5) return 2_500;
  if (zoom < 10.5) return 800;
  return 0;
}

/**
 * The configured style when it answers within a few seconds, else the offline base: a base map
 * that cannot load (no network to the tile server, a wrong address) must not leave pins on nothing.
 */
async function chooseStyle(styleUrl: string | null): Promise<string | StyleSpecification> {
  if (!styleUrl) return OFFLINE_STYLE;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    const response = await fetch(styleUrl, { signal: controller.signal });
    if (!response.ok) return OFFLINE_STYLE;
    const style = (await response.json()) as StyleSpecification;
    return style && style.version === 8 ? style : OFFLINE_STYLE;
  } catch {
    return OFFLINE_STYLE;
  } finally {
    clearTimeout(timer);
  }
}

const PRIMARY = "#0b5cab";

function frenchLocale(kind: MapData["kind"]): Record<string, string> {
  return {
    "Map.Title": kind === "offer" ? "Carte des offres" : "Carte des formations",
    "Marker.Title": "Repère",
    "Popup.Close": "Fermer",
    "NavigationControl.ZoomIn": "Zoomer",
    "NavigationControl.ZoomOut": "Dézoomer",
    "NavigationControl.ResetBearing": "Remettre le nord en haut",
    "AttributionControl.ToggleAttribution": "Afficher ou masquer les sources de la carte",
    "AttributionControl.MapFeedback": "Signaler une erreur sur la carte",
    "ScaleControl.Kilometers": "km",
    "ScaleControl.Meters": "m",
    "CooperativeGesturesHandler.WindowsHelpText": "Ctrl + molette pour zoomer sur la carte",
    "CooperativeGesturesHandler.MacHelpText": "⌘ + molette pour zoomer sur la carte",
    "CooperativeGesturesHandler.MobileHelpText": "Utilisez deux doigts pour bouger la carte",
  };
}

// Static drawings (no data inside): safe as innerHTML.
const HOME_SVG =
  '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"><path d="M3 11 12 4l9 7"/><path d="M5 10v10h14V10"/></svg>';
const PIN_SVG =
  '<svg viewBox="0 0 24 32" width="30" height="40" aria-hidden="true" focusable="false"><path d="M12 31S1 19.5 1 11.5a11 11 0 0 1 22 0C23 19.5 12 31 12 31z" fill="#0b5cab" stroke="#fff" stroke-width="2"/><circle cx="12" cy="11.5" r="4" fill="#fff"/></svg>';

/** Items at the same place (offers of one commune share its centre) get one marker. */
function groupByPlace(points: MapPoint[]): MapPoint[][] {
  const groups = new Map<string, MapPoint[]>();
  for (const p of points) {
    const key = `${p.lat.toFixed(4)},${p.lng.toFixed(4)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

/** The popup of a marker, built with text nodes: titles come from employers, never as HTML. */
function popupContent(group: MapPoint[], linkLabel: string): HTMLElement {
  const box = document.createElement("div");
  box.className = styles.popup ?? "";
  const list = document.createElement("ul");
  for (const p of group) {
    const item = document.createElement("li");
    const strong = document.createElement("strong");
    strong.textContent = p.title;
    const distance = document.createElement("span");
    distance.textContent = p.distance;
    const a = document.createElement("a");
    a.href = p.href;
    a.textContent = linkLabel;
    item.append(strong, distance, a);
    list.append(item);
  }
  box.append(list);
  return box;
}

export default function ResultsMap({
  home,
  radiusKm,
  points,
  styleUrl,
  attribution,
  kind,
  describedBy,
}: MapData & { describedBy: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let map: maplibregl.Map | null = null;
    void chooseStyle(styleUrl).then((style) => {
      if (cancelled || !container.current) return;
      map = createMap(container.current, style);
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [home.lat, home.lng, radiusKm, points, styleUrl, attribution, kind, describedBy]);

  function createMap(element: HTMLDivElement, style: string | StyleSpecification): maplibregl.Map | null {
    const offline = style === OFFLINE_STYLE;
    const travel = circle([home.lng, home.lat], Math.max(radiusKm, 0.5), { steps: 96, units: "kilometers" });
    const [west, south, east, north] = bbox(travel);
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: element,
        style,
        bounds: [
          [west, south],
          [east, north],
        ],
        fitBoundsOptions: { padding: 16 },
        attributionControl:
          attribution && !offline
            ? { compact: true, customAttribution: attribution }
            : { compact: true, customAttribution: "Communes : INSEE, territoires : le Département" },
        locale: frenchLocale(kind),
        // the page scrolls with one finger; the map moves with two
        cooperativeGestures: true,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: 16,
      });
    } catch {
      // no WebGL on this phone: the list says it all
      setFailed(true);
      return null;
    }
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
    map.getCanvas().setAttribute("aria-describedby", describedBy);

    // The offline base under everything else: territories, then communes (dots here, names as
    // labels below). Fetched once per map; the labels are DOM markers, as MapLibre's text
    // needs glyph files from a server the offline base does without.
    let base: BaseMap | null = null;
    const labels: Array<{ marker: maplibregl.Marker; population: number }> = [];
    const showLabels = () => {
      const min = labelMinPopulation(map.getZoom());
      for (const l of labels) l.marker.getElement().hidden = l.population < min;
    };
    const addBase = () => {
      if (!base || map.getSource("territoires")) return;
      const before = map.getLayer("trajet-fond") ? "trajet-fond" : undefined;
      map.addSource("territoires", { type: "geojson", data: base.territories });
      map.addSource("communes", { type: "geojson", data: base.communes });
      map.addLayer({ id: "territoires-fond", type: "fill", source: "territoires", paint: { "fill-color": "#dfe8d3", "fill-opacity": 0.7 } }, before);
      map.addLayer(
        { id: "territoires-bord", type: "line", source: "territoires", paint: { "line-color": "#5f6b55", "line-width": 1.5, "line-dasharray": [3, 2] } },
        before,
      );
      map.addLayer(
        { id: "communes-points", type: "circle", source: "communes", paint: { "circle-radius": 2.5, "circle-color": "#4d4d4d" } },
        before,
      );
      if (labels.length === 0) {
        for (const c of base.communes.features) {
          const label = document.createElement("div");
          label.className = styles.placeLabel ?? "";
          label.textContent = c.properties.name;
          label.setAttribute("aria-hidden", "true");
          const [lng, lat] = c.geometry.coordinates as [number, number];
          const marker = new maplibregl.Marker({ element: label, anchor: "top", offset: [0, 3] }).setLngLat([lng, lat]).addTo(map);
          // first in the layer of markers: the home and the pins are drawn above the names
          label.parentElement?.prepend(label);
          labels.push({ marker, population: c.properties.population });
        }
        showLabels();
      }
    };
    if (offline) {
      void fetch(BASE_MAP_URL)
        .then((r) => (r.ok ? (r.json() as Promise<BaseMap>) : null))
        .then((data) => {
          base = data;
          // the style may still be loading (addSource throws then): once the map settles
          try {
            addBase();
          } catch {
            map.once("idle", addBase);
          }
        })
        .catch(() => undefined);
      map.on("load", addBase);
      map.on("zoomend", showLabels);
    }

    const addCircle = () => {
      if (map.getSource("trajet")) return;
      map.addSource("trajet", { type: "geojson", data: travel });
      map.addLayer({ id: "trajet-fond", type: "fill", source: "trajet", paint: { "fill-color": PRIMARY, "fill-opacity": 0.08 } });
      map.addLayer({
        id: "trajet-bord",
        type: "line",
        source: "trajet",
        paint: { "line-color": PRIMARY, "line-width": 2, "line-dasharray": [2, 1.5] },
      });
    };
    if (map.isStyleLoaded()) addCircle();
    else map.on("load", addCircle);

    const homeElement = document.createElement("div");
    homeElement.className = styles.homeMarker ?? "";
    homeElement.innerHTML = HOME_SVG;
    homeElement.setAttribute("role", "img");
    homeElement.setAttribute("aria-label", "Votre domicile");
    new maplibregl.Marker({ element: homeElement, anchor: "center" }).setLngLat([home.lng, home.lat]).addTo(map);

    const linkLabel = kind === "offer" ? "Voir l'offre" : "Voir la formation";
    const many = kind === "offer" ? "offres" : "formations";
    for (const group of groupByPlace(points)) {
      const first = group[0]!;
      const element = document.createElement("div");
      element.className = styles.pointMarker ?? "";
      element.innerHTML = PIN_SVG;
      if (group.length > 1) {
        const count = document.createElement("span");
        count.className = styles.markerCount ?? "";
        count.textContent = String(group.length);
        count.setAttribute("aria-hidden", "true");
        element.append(count);
      }
      element.setAttribute(
        "aria-label",
        group.length === 1
          ? `${first.title}, ${first.distance.toLowerCase()}`
          : `${group.length} ${many} ${first.distance.toLowerCase()} : ${group.map((p) => p.title).join(", ")}`,
      );
      element.dataset.count = String(group.length);
      const popup = new maplibregl.Popup({ offset: 34, maxWidth: "17rem", focusAfterOpen: true }).setDOMContent(
        popupContent(group, linkLabel),
      );
      // Before the marker opens its popup: put it on the side away from home, so that a list of
      // offers near home never covers the home marker.
      const placePopup = () => {
        const pin = map.project([first.lng, first.lat]);
        const here = map.project([home.lng, home.lat]);
        const below = here.y < pin.y - 8;
        popup.options.anchor = below ? "top" : "bottom";
        popup.setOffset(below ? 8 : 42);
      };
      element.addEventListener("click", placePopup, { capture: true });
      element.addEventListener("keydown", placePopup, { capture: true });
      new maplibregl.Marker({ element, anchor: "bottom" }).setLngLat([first.lng, first.lat]).setPopup(popup).addTo(map);
    }
    // the home marker above the pins and their popups: always in sight
    homeElement.parentElement?.append(homeElement);

    const onError = (event: { error?: { message?: string } }) => {
      if (/webgl/i.test(event.error?.message ?? "")) setFailed(true);
    };
    map.on("error", onError);
    return map;
  }

  if (failed) {
    return (
      <p className={styles.mapFailed}>
        La carte ne peut pas s'afficher sur ce téléphone. La liste en dessous donne les mêmes informations.
      </p>
    );
  }
  return <div ref={container} className={styles.map} data-testid="results-map" />;
}
