import { z } from "zod";
import { isIsoDate } from "../../lib/dates";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine(isIsoDate, "Cette date n'existe pas.");

/** Recording a check-in: still in post, ended (with the reason from the instance's list), or unreachable. */
export const recordCheckInInput = z.object({
  checkInId: z.uuid("Point de suivi introuvable."),
  outcome: z.enum(["in_post", "ended", "unreachable"], { error: "Choisissez où en est la personne." }),
  /** a code of the instance's exitReasons; required when the job ended */
  endReason: z.string().trim().max(40).nullish(),
  /** when the job ended (today when not given) */
  endedOn: isoDate.nullish().or(z.literal("").transform(() => null)),
  note: z.string().trim().max(2000, "2 000 caractères au plus.").nullish(),
});
export type RecordCheckInInput = z.output<typeof recordCheckInInput>;

/** The optional "as of" date and adviser (admins only) of the due lists and the figures. */
export const followupScopeInput = z
  .object({
    adviserId: z.uuid("Conseiller introuvable.").nullish(),
    today: isoDate.nullish(),
  })
  .optional();
