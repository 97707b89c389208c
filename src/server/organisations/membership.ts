import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { organisationMembers, organisations, type OrganisationKind } from "./schema";
import type { SessionUser } from "../trpc/context";

export type Membership = { employerId: string; kind: OrganisationKind; name: string; isOwner: boolean };

/** The organisation an account recruits or trains for; null when it has not registered one yet. */
export async function membershipOf(db: Database, userId: string): Promise<Membership | null> {
  const [row] = await db
    .select({ employerId: organisations.id, kind: organisations.kind, name: organisations.name, isOwner: organisationMembers.isOwner })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.employerId))
    .where(eq(organisationMembers.userId, userId))
    .limit(1);
  return row ?? null;
}

/** Like membershipOf, for procedures that need an organisation: a clear error when there is none. */
export async function requireMembership(db: Database, user: SessionUser): Promise<Membership> {
  const m = await membershipOf(db, user.id);
  if (!m) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Enregistrez d'abord votre entreprise ou votre organisme (numéro SIRET).",
    });
  }
  return m;
}

/** Owner-only actions (edit the organisation, add or remove recruiters): others get FORBIDDEN. */
export async function requireOwner(db: Database, user: SessionUser): Promise<Membership> {
  const m = await requireMembership(db, user);
  if (!m.isOwner) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        m.kind === "company"
          ? "Seule la personne qui a inscrit l'entreprise peut faire cela : demandez-le-lui."
          : "Seule la personne qui a inscrit l'organisme peut faire cela : demandez-le-lui.",
    });
  }
  return m;
}
