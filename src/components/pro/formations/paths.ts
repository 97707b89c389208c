import type { Role } from "@/server/auth/schema";

/** Which professional space the formation pages live in. */
export type FormationSpace = "training" | "employer";

export type FormationPaths = {
  role: Extract<Role, "training_org" | "employer">;
  /** the list of the organisation's formations */
  list: string;
  /** the form for a new formation */
  create: string;
  /** prefix of one formation's pages: `${formations}/${id}` and `${formations}/${id}/modifier` */
  formations: string;
  /** where the organisation is registered (SIRET) */
  organisation: string;
  organisationLabel: string;
};

export const FORMATION_PATHS: Record<FormationSpace, FormationPaths> = {
  training: {
    role: "training_org",
    list: "/organisme",
    create: "/organisme/formations/nouvelle",
    formations: "/organisme/formations",
    organisation: "/organisme/mon-organisme",
    organisationLabel: "Enregistrer mon organisme",
  },
  employer: {
    role: "employer",
    list: "/employeur/formations",
    create: "/employeur/formations/nouvelle",
    formations: "/employeur/formations",
    organisation: "/employeur/entreprise",
    organisationLabel: "Enregistrer mon entreprise",
  },
};

export const formationHref = (space: FormationSpace, id: string) => `${FORMATION_PATHS[space].formations}/${id}`;
export const formationEditHref = (space: FormationSpace, id: string) => `${formationHref(space, id)}/modifier`;
