import { isLuhnValid } from "../lib/luhn";

// A SIRET: the 9-digit SIREN of the organisation and a 5-digit establishment number, with a
// Luhn check digit. La Poste's establishments (SIREN 356 000 000) are too many for that key:
// theirs is valid when the sum of the 14 digits is a multiple of 5.

const LA_POSTE_SIREN = "356000000";

/** Digits only: people copy it with spaces (or dots) from a pay slip. */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s.\u00a0\u202f]/g, "");
}

/** True for 14 digits passing the Luhn check (or La Poste's rule). */
export function isValidSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (isLuhnValid(digits)) return true;
  if (digits.startsWith(LA_POSTE_SIREN)) {
    const sum = [...digits].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  return false;
}

export const SIRET_MISSING = "Indiquez le numéro SIRET (14 chiffres).";
export const SIRET_INVALID =
  "Ce numéro SIRET n'est pas valide : vérifiez-le sur votre fiche INSEE ou un bulletin de salaire.";

/** What is wrong with a SIRET as typed, in plain French; null when it is valid. */
export function siretProblem(value: string): string | null {
  const digits = normaliseSiret(value);
  if (!digits) return SIRET_MISSING;
  if (!/^\d+$/.test(digits)) return "Le SIRET compte 14 chiffres, sans lettre ni autre signe (les espaces sont permis).";
  if (digits.length !== 14) {
    return `Le SIRET compte 14 chiffres : vous en avez écrit ${digits.length}. Vérifiez-le sur votre fiche INSEE ou un bulletin de salaire.`;
  }
  return isValidSiret(digits) ? null : SIRET_INVALID;
}

/** "123 456 789 00012": the SIREN in groups of three, then the establishment number. */
export function formatSiret(siret: string | null | undefined): string {
  if (!siret) return "";
  const d = normaliseSiret(siret);
  if (!/^\d{14}$/.test(d)) return siret;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}`;
}
