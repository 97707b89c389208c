import { WIZARD_STEPS } from "@/components/cv/steps";
import type { ProfileStep } from "@/server/profiles/completeness";

/** The CV wizard as an adviser walks it with a person: /conseiller/personnes/[id]/cv/[step]. */
export function adviserCvHref(profileId: string, key?: ProfileStep | string): string {
  const step = WIZARD_STEPS.find((s) => s.key === key || s.slug === key) ?? WIZARD_STEPS[0];
  return `/conseiller/personnes/${profileId}/cv/${step.slug}`;
}

/** The person's file, where the adviser comes back once the last step is saved. */
export function personFileHref(profileId: string, saved = false): string {
  return `/conseiller/personnes/${profileId}${saved ? "?cv=enregistre" : ""}#cv`;
}

/** After step `index`: the next step, or back to the person's file. */
export function adviserAfterStep(profileId: string, index: number): string {
  const next = WIZARD_STEPS[index + 1];
  return next ? adviserCvHref(profileId, next.key) : personFileHref(profileId, true);
}
