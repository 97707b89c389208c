import { SECTION_LABELS } from "@/server/instance/settings-labels";
import "./instance.css";

const MAX_VALUE = 80;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? (SECTION_LABELS[v] ?? v) : show(v))).join(", ");
  if (isChange(value)) return `${show(value.from)} → ${show(value.to)}`;
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && Object.keys(value).length === 2 && "from" in value && "to" in value;
}

/** An audit event's details as a short "key : value" list (long values cut). */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="audit-details">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className="muted">{SECTION_LABELS[key] ?? key} :</span> {show(value)}
        </li>
      ))}
    </ul>
  );
}
