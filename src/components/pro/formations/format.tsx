import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import { FORMATION_STATUS_LABELS } from "@/server/formations/labels";
import type { FormationStatus } from "@/server/formations/schema";

/** "du 3 mars 2026 au 30 juin 2026" */
export function dateRange(startsOn: string, endsOn: string | null): string {
  return endsOn && endsOn !== startsOn ? `du ${formatDate(startsOn, instanceTimeZone())} au ${formatDate(endsOn, instanceTimeZone())}` : `le ${formatDate(startsOn, instanceTimeZone())}`;
}

/** "Gratuite pour la personne", "1 200 €", or null when unknown. */
export function costLabel(costEuros: number | null): string | null {
  if (costEuros === null) return null;
  if (costEuros === 0) return "Gratuite pour la personne";
  return `${costEuros.toLocaleString("fr-FR")} €`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;
}

const BADGE: Record<FormationStatus, string> = {
  draft: "badge--pending",
  published: "badge--active",
  full: "badge--disabled",
  closed: "badge--disabled",
};

/** The status as a small badge; a published formation whose last day is past reads "Terminée". */
export function FormationStatusBadge({ status, finished }: { status: FormationStatus; finished?: boolean }) {
  const label = finished && status !== "draft" ? "Terminée" : FORMATION_STATUS_LABELS[status];
  return (
    <span className={`badge ${finished ? "badge--disabled" : BADGE[status]}`} data-testid="formation-status">
      {label}
    </span>
  );
}
