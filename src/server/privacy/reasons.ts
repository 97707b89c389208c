// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
// Plain constants of the privacy module (no server imports: client forms and pages read them).
// Why a person was erased: the audit row keeps the code, never a free text that could name them.

export const ERASE_REASONS = {
  own_request: "La personne a supprimé son compte",
  person_asked: "La personne l'a demandé",
  duplicate: "Doublon (la personne existe deux fois)",
  created_by_mistake: "Créée par erreur",
  left_programme: "A quitté l'accompagnement",
  retention: "Inactive trop longtemps (durée de conservation)",
} as const;
export type EraseReason = keyof typeof ERASE_REASONS;

/** The reasons an adviser or an admin may choose. */
export const STAFF_ERASE_REASONS = ["person_asked", "duplicate", "created_by_mistake", "left_programme"] as const satisfies readonly EraseReason[];

/** Days an e-mail stays in the outbox after it was sent (or queued): the retention schedule, the privacy page. */
export const OUTBOX_KEEP_DAYS = 30;
