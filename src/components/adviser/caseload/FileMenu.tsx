// The person's file is a long page: a menu of its parts that stays at the top of the screen
// (sticky), scrolling sideways on a phone.
const PARTS = [
  { href: "#identite", label: "Identité" },
  { href: "#cv", label: "CV" },
  { href: "#proposer", label: "Propositions et candidatures" },
  { href: "#emplois", label: "Emplois" },
  { href: "#notes", label: "Notes" },
  { href: "#historique", label: "Historique" },
] as const;

export function FileMenu() {
  return (
    <nav className="caseload-file-menu" aria-label="Parties du dossier">
      <ul>
        {PARTS.map((p) => (
          <li key={p.href}>
            <a href={p.href}>{p.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
