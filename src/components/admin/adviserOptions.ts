import type { RouterOutputs } from "@/lib/trpc/types";
import type { AdviserOption } from "./AssignPanel";

type AdviserCount = RouterOutputs["caseload"]["countsByAdviser"]["advisers"][number];

/** Active advisers as "Nom Prénom — Territoire — N suivies", for the assignment select. */
export function adviserOptions(advisers: AdviserCount[], territoryName: Map<string, string>): AdviserOption[] {
  return advisers
    .filter((a) => a.status === "active")
    .map((a) => {
      const name = `${a.lastName} ${a.firstName}`.trim() || a.email || "(sans nom)";
      const territory = a.territoryCode ? (territoryName.get(a.territoryCode) ?? a.territoryCode) : "tout le département";
      return { id: a.adviserId, name, label: `${name} — ${territory} — ${a.active} suivie${a.active > 1 ? "s" : ""}` };
    });
}
