import { JOB_FIT, type Components } from "./score";

/** Who reads the reasons: an employer about a candidate, a person about an offer or a formation. */
export type Audience = "employer" | "beneficiary" | "formation";

export type ReasonFacts = {
  components: Components;
  distanceKm: number;
  skillsMatched: number;
  skillsRequired: number;
};

/** "À 12 km", "À moins d'1 km": distances as people say them. */
export function distanceLabel(km: number): string {
  if (km < 1) return "À moins d'1 km";
  return `À ${km < 10 ? km.toFixed(1).replace(".", ",").replace(",0", "") : Math.round(km)} km`;
}

/** Why an item ranks where it does, in plain French, strongest reason first. */
export function reasonsFor(audience: Audience, f: ReasonFacts): string[] {
  const reasons: string[] = [];
  const { job } = f.components;
  const mine = audience !== "employer";
  if (job >= JOB_FIT.sameCode) {
    reasons.push(audience === "employer" ? "Recherche ce métier" : audience === "formation" ? "Mène à votre métier" : "Votre métier");
  } else if (job >= JOB_FIT.sameDomain) {
    reasons.push(mine ? "Un métier proche du vôtre" : "Métier proche");
  } else if (job >= JOB_FIT.sameLargeDomain) {
    reasons.push(mine ? "Dans votre domaine" : "Même domaine professionnel");
  }
  // "0 compétence sur 4" helps an employer sort, but only discourages the person reading it.
  if (f.skillsRequired > 0 && (f.skillsMatched > 0 || !mine)) {
    const n = `${f.skillsMatched} compétence${f.skillsMatched > 1 ? "s" : ""} sur ${f.skillsRequired}`;
    reasons.push(mine ? `Vous avez ${n}` : n);
  }
  reasons.push(mine ? `${distanceLabel(f.distanceKm)} de chez vous` : distanceLabel(f.distanceKm));
  if (f.components.formation > 0) {
    reasons.push(mine ? "Votre formation mène à ce métier" : "A suivi une formation qui mène à ce métier");
  }
  return reasons;
}
