// How guessable a new password is, with zxcvbn-ts (the maintained TypeScript port of Dropbox's
// estimator): ~40,000 common passwords, French words, first names and surnames, keyboard
// patterns, dates, l33t substitutions, and the person's own name and e-mail. Server-side only:
// its dictionaries weigh megabytes, too much for a phone; the forms show its message on submit.
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { FieldErrors } from "../lib/field-errors";

/**
 * zxcvbn's score 2 means at least a million guesses: with sign-in limited to 5 failures per
 * 15 minutes per account, years of online guessing; scrypt makes offline guessing slow too.
 */
export const MIN_SCORE = 2;

let estimator: Promise<ZxcvbnFactory> | undefined;
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, fr] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-fr"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...fr.dictionary },
      graphs: common.adjacencyGraphs,
      translations: fr.translations,
    });
  })();
  return estimator;
}

/** The words of the person's own data a password must not lean on. */
export function personalWords(...values: Array<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    for (const w of v.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (w.length < 3) continue;
      words.add(w);
      // people type "Querard" for "Quérard"
      words.add(w.normalize("NFD").replace(/\p{M}/gu, ""));
    }
  }
  return [...words];
}

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

export async function passwordVerdict(password: string, userWords: string[] = []): Promise<PasswordVerdict> {
  const zxcvbn = await getEstimator();
  // Only the first 100 characters are looked at: longer ones are strong anyway, and the
  // estimator's time grows with the length.
  const result = zxcvbn.check(password.slice(0, 100), [...userWords, "emploi", "job41"]);
  if (result.score >= MIN_SCORE) return { ok: true };
  const why = result.feedback.warning ? ` ${result.feedback.warning}` : "";
  return {
    ok: false,
    message: `Ce mot de passe est trop facile à deviner.${why} Ajoutez des mots peu courants : une courte phrase de 3 ou 4 mots est facile à retenir.`,
  };
}

/** Refuses a guessable password with the field's message. */
export async function assertStrongPassword(password: string, userWords: string[] = []): Promise<void> {
  const verdict = await passwordVerdict(password, userWords);
  if (!verdict.ok) throw new FieldErrors({ password: [verdict.message] });
}
