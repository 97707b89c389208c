// Client-safe: who follows a hire, in the words the employer reads once it is recorded.

export type FollowUp =
  | { kind: "adviser"; firstName: string; lastName: string }
  | { kind: "territory"; territoryName: string | null };

/** "Son conseiller, Claire Martin, suivra…" or "Un conseiller de Blois va prendre le suivi…" */
export function followUpSentence(f: FollowUp | null): string {
  if (!f) return "Un conseiller suivra ses premiers mois dans l'emploi.";
  if (f.kind === "adviser") return `Son conseiller, ${`${f.firstName} ${f.lastName}`.trim()}, suivra ses premiers mois dans l'emploi.`;
  return f.territoryName
    ? `Un conseiller de ${f.territoryName} va prendre le suivi de ses premiers mois dans l'emploi.`
    : "Un conseiller du département va prendre le suivi de ses premiers mois dans l'emploi.";
}
