// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
// Why an employer declines an application. The database keeps only the code; the employer
// picks a plain label, and the candidate reads kind words (never blame, always a way on).
// No server imports: the pages of both spaces read this file.

export const DECLINE_REASONS = ["position_filled", "profile_mismatch", "schedule", "distance", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_TEXTS: Record<DeclineReason, { label: string; candidate: string }> = {
  position_filled: {
    label: "Le poste est pourvu",
    candidate: "Le poste a été pourvu. Merci pour votre candidature : d'autres offres vous attendent.",
  },
  profile_mismatch: {
    label: "Le profil ne correspond pas au poste",
    candidate:
      "L'entreprise cherchait un autre profil pour ce poste. Ce que vous savez faire compte : d'autres offres vous correspondront mieux.",
  },
  schedule: {
    label: "Les horaires ou la date de début ne conviennent pas",
    candidate:
      "Les horaires ou la date de début du poste ne correspondaient pas à vos disponibilités. D'autres offres auront des horaires qui vous conviennent.",
  },
  distance: {
    label: "Le trajet est trop long",
    candidate: "Le lieu de travail était un peu loin de chez vous. Des offres plus proches vous attendent.",
  },
  other: {
    label: "Une autre raison",
    candidate:
      "L'entreprise n'a pas retenu votre candidature cette fois-ci. Ne vous découragez pas : d'autres offres vous attendent.",
  },
};

export function isDeclineReason(code: string | null | undefined): code is DeclineReason {
  return !!code && (DECLINE_REASONS as readonly string[]).includes(code);
}

/** The words the candidate reads for a stored reason code; null for none or an unknown one. */
export function declineWording(code: string | null | undefined): string | null {
  return isDeclineReason(code) ? DECLINE_REASON_TEXTS[code].candidate : null;
}
