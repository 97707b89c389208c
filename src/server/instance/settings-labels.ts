/** French names of the instance settings' sections (audit trail, settings page). */
export const SECTION_LABELS: Record<string, string> = {
  displayName: "nom affiché",
  organisation: "organisme",
  branding: "couleurs",
  territories: "territoires",
  defaultTravelRadiusKm: "rayon par défaut",
  exitReasons: "motifs de sortie",
};
