/** What the map of offers or formations shows (plain data, passed from the server page). */
export type MapPoint = {
  id: string;
  title: string;
  /** "À 6,2 km" */
  distance: string;
  lat: number;
  lng: number;
  /** the card in the list: "#offre-…" */
  href: string;
};

export type MapData = {
  home: { lat: number; lng: number };
  /** the person's commune, for the text alternative */
  homeCommune: string | null;
  radiusKm: number;
  points: MapPoint[];
  /** MapLibre style URL from the instance configuration; null = a plain background */
  styleUrl: string | null;
  attribution: string | null;
  kind: "offer" | "formation";
};
