import { createHmac } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { derivedKey } from "../lib/keys";
import { adviserMaySee } from "../profiles/access";
import { beneficiaryProfiles } from "../profiles/schema";
import { CANDIDATE_QUOTA, candidateQuotaFor, consumeQuota, quotaMessage } from "../ratelimit/limits";
import type { SessionUser } from "../trpc/context";
import { candidateHandle, profileOfHandle } from "./handles";

// Who looks at pseudonymised candidates, and what it costs them. An organisation (all its
// recruiters together) may see at most CANDIDATE_QUOTA's share of the instance's visible
// candidates in 24 hours, whatever it does with its offers: each distinct person costs one
// the first time, and nothing again within the window (an honest employer refreshing or
// paging its lists, or seeing the same person through two offers, is not punished). An
// adviser pays the same way, but only for people outside their reach (their caseload and
// their territory's unassigned people, whom they may see in full anyway). Admins see the
// whole instance by role and pay nothing.

export type Viewer =
  | { kind: "organisation"; employerId: string }
  | { kind: "adviser"; user: Pick<SessionUser, "id" | "territoryCode"> }
  | { kind: "admin" };

/** The viewer for a caller whose access to the offer was already checked (offerForCaller). */
export function viewerFor(user: SessionUser, offerEmployerId: string): Viewer {
  if (user.role === "adviser") return { kind: "adviser", user };
  if (user.role === "admin") return { kind: "admin" };
  return { kind: "organisation", employerId: offerEmployerId };
}

/** What the quota table stores of a person: a keyed digest, not the profile id (erasure deletes it too). */
export function quotaItem(profileId: string): string {
  return createHmac("sha256", derivedKey("candidate-quota")).update(profileId).digest("base64url").slice(0, 22);
}

const visibleCache = new WeakMap<Database, { at: number; n: number }>();
/** The count is re-read at most every minute per process (it moves slowly; counting a large instance is not free). */
const VISIBLE_TTL_MS = 60_000;

/** Visible (searchable) candidates of the instance. */
export async function visibleCandidates(db: Database): Promise<number> {
  const cached = visibleCache.get(db);
  if (cached && Date.now() - cached.at < VISIBLE_TTL_MS) return cached.n;
  const [r] = await queryRows<{ n: number }>(db, sql`select count(distinct profile_id)::int as n from profile_match_points`);
  const n = Number(r?.n ?? 0);
  visibleCache.set(db, { at: Date.now(), n });
  return n;
}

export type Charge = {
  /** the profiles the viewer may be shown */
  allowed: Set<string>;
  /** French words when some were left out because the quota is spent */
  notice: string | null;
};

/**
 * Charges the viewer for seeing these profiles' pseudonymised cards; answers which may be
 * shown. Throws TOO_MANY_REQUESTS when none of them may.
 */
export async function chargeCards(db: Database, viewer: Viewer, profileIds: string[]): Promise<Charge> {
  if (viewer.kind === "admin" || profileIds.length === 0) return { allowed: new Set(profileIds), notice: null };
  let charged = profileIds;
  const free = new Set<string>();
  if (viewer.kind === "adviser") {
    const reach = await db
      .select({ id: beneficiaryProfiles.id, adviserId: beneficiaryProfiles.adviserId, territoryCode: beneficiaryProfiles.territoryCode })
      .from(beneficiaryProfiles)
      .where(inArray(beneficiaryProfiles.id, profileIds));
    for (const p of reach) if (adviserMaySee(viewer.user, p)) free.add(p.id);
    charged = profileIds.filter((id) => !free.has(id));
  }
  if (charged.length === 0) return { allowed: new Set(profileIds), notice: null };
  const key = viewer.kind === "organisation" ? `organisation:${viewer.employerId}` : `adviser:${viewer.user.id}`;
  const items = new Map(charged.map((id) => [quotaItem(id), id]));
  const max = candidateQuotaFor(await visibleCandidates(db));
  const outcome = await consumeQuota(db, CANDIDATE_QUOTA, key, [...items.keys()], max);
  const allowed = new Set(free);
  for (const [item, id] of items) if (outcome.allowed.has(item)) allowed.add(id);
  return {
    allowed,
    notice: outcome.refused > 0 && outcome.resetsAt ? quotaMessage(CANDIDATE_QUOTA, outcome.resetsAt) : null,
  };
}

const candidateNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Candidat introuvable." });

/** The profile behind a handle of this offer, or "Candidat introuvable." (another offer's handle, altered, garbage). */
export function profileOfCandidate(offerId: string, candidateId: string): string {
  const id = profileOfHandle(offerId, candidateId);
  if (!id) throw candidateNotFound();
  return id;
}

export { candidateHandle };
