// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
/** French names of the instance settings' sections (audit trail, settings page). */
export const SECTION_LABELS: Record<string, string> = {
  displayName: "nom affiché",
  organisation: "organisme",
  branding: "couleurs",
  territories: "territoires",
  defaultTravelRadiusKm: "rayon par défaut",
  exitReasons: "motifs de sortie",
};
