// Rate limits stored in PostgreSQL (rate_limit_hits): a sliding window per limit and per key
// (an address or a user id). Checking and counting happen under a transaction-scoped advisory
// lock on (limit, key), so two processes racing cannot both take the last allowed slot.
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { rateLimitHits } from "./schema";

export type RateLimit = {
  /** stored in rate_limit_hits.bucket */
  bucket: string;
  max: number;
  windowMinutes: number;
  /** what people read when limited; {delay} becomes "dans 12 minutes" / "dans 3 heures" */
  message: string;
};

export const RATE_LIMITS = {
  /** Sign-ups from one address: a workshop where an adviser helps a group sign up stays below. */
  signUp: {
    bucket: "sign_up",
    max: 30,
    windowMinutes: 60,
    message: "Trop d'inscriptions depuis cette connexion. Réessayez {delay}.",
  },
  /** Sign-up codes sent to one e-mail address (its owner is not flooded). */
  signUpByEmail: {
    bucket: "sign_up_email",
    max: 3,
    windowMinutes: 60,
    message: "Plusieurs e-mails viennent déjà d'être envoyés à cette adresse. Regardez aussi dans les indésirables, ou réessayez {delay}.",
  },
  /** SIRET look-ups in the company directory from one address (the State's API allows 7 a second to all of us). */
  siretLookup: {
    bucket: "siret_lookup",
    max: 60,
    windowMinutes: 60,
    message: "Trop de recherches de SIRET depuis cette connexion. Remplissez les champs vous-même, ou réessayez {delay}.",
  },
  /** Wrong sign-up codes from one address. */
  signUpCodeFailure: {
    bucket: "sign_up_code_failure",
    max: 10,
    windowMinutes: 15,
    message: "Trop de codes erronés. Réessayez {delay}, ou demandez un nouveau code.",
  },
  /** Wrong access codes from one address (codes have ~50 bits: this only stops hammering). */
  activationFailure: {
    bucket: "activation_failure",
    max: 10,
    windowMinutes: 15,
    message: "Trop de codes erronés. Réessayez {delay}, ou demandez un nouveau code à votre conseiller.",
  },
  /** "Mot de passe oublié" requests from one address. */
  passwordResetByAddress: {
    bucket: "password_reset_address",
    max: 10,
    windowMinutes: 60,
    message: "Trop de demandes de nouveau mot de passe depuis cette connexion. Réessayez {delay}.",
  },
  /** … and for one e-mail address: nobody's mailbox gets flooded. */
  passwordResetByEmail: {
    bucket: "password_reset_email",
    max: 3,
    windowMinutes: 60,
    message: "Un e-mail vient déjà d'être envoyé plusieurs fois à cette adresse. Regardez aussi dans les indésirables, ou réessayez {delay}.",
  },
  /** "Recevoir un code par e-mail" (sign-in codes) from one address. */
  signInCodeByAddress: {
    bucket: "sign_in_code_address",
    max: 10,
    windowMinutes: 60,
    message: "Trop de demandes de code depuis cette connexion. Réessayez {delay}.",
  },
  /** … and for one e-mail address (earlier codes stay good: the owner uses the last one received). */
  signInCodeByEmail: {
    bucket: "sign_in_code_email",
    max: 3,
    windowMinutes: 60,
    message: "Plusieurs codes viennent déjà d'être envoyés à cette adresse : utilisez le dernier reçu (regardez aussi dans les indésirables), ou réessayez {delay}.",
  },
  /** Wrong sign-in codes from one address. */
  signInCodeFailure: {
    bucket: "sign_in_code_failure",
    max: 10,
    windowMinutes: 15,
    message: "Trop de codes erronés. Réessayez {delay}.",
  },
  /** New access codes (letters, forgotten passwords) one adviser or admin asks for. */
  accessCodeIssue: {
    bucket: "access_code_issue",
    max: 60,
    windowMinutes: 60,
    message: "Vous avez demandé beaucoup de nouveaux codes en peu de temps. Réessayez {delay}.",
  },
  /** Contact requests and suggestions one employer or adviser sends. */
  /** Applications an adviser sends for people of their caseload, a day. */
  prescription: {
    bucket: "prescription",
    max: 50,
    windowMinutes: 24 * 60,
    message: "Vous avez envoyé beaucoup de candidatures aujourd'hui. Réessayez {delay}.",
  },
  contactRequest: {
    bucket: "contact_request",
    max: 50,
    windowMinutes: 24 * 60,
    message: "Vous avez envoyé beaucoup de demandes de contact aujourd'hui. Réessayez {delay}.",
  },
  /**
   * Changes of place of one published (or paused) offer: moving an offer around is how one
   * would survey where candidates live; a real workplace rarely moves twice a day.
   */
  offerPlaceChange: {
    bucket: "offer_place_change",
    max: 2,
    windowMinutes: 24 * 60,
    message: "Le lieu de cette offre a déjà changé plusieurs fois aujourd'hui. Vous pourrez le modifier de nouveau {delay}.",
  },
  /** Answers posted to employers' check-in links from one address (links are guessed by nobody: this stops hammering). */
  employerCheckIn: {
    bucket: "employer_check_in",
    max: 30,
    windowMinutes: 60,
    message: "Trop d'essais depuis cette connexion. Réessayez {delay}.",
  },
  /** CSV previews and imports one admin runs (each parses up to 5 MB). */
  import: {
    bucket: "import",
    max: 30,
    windowMinutes: 60,
    message: "Trop d'imports en peu de temps. Réessayez {delay}.",
  },
} as const satisfies Record<string, RateLimit>;

/** A quota over distinct things in a sliding window: the same thing again costs nothing. */
export type Quota = {
  bucket: string;
  windowMinutes: number;
  /** what people read when the quota is spent; {delay} as in RateLimit */
  message: string;
};

/**
 * How many candidates (distinct people) one organisation may see on its pseudonymised lists
 * and cards in 24 hours: a small share of the instance's visible candidates, so that no
 * organisation can list more than that share whatever it does with its offers; with a floor
 * so that a small instance still lets an honest employer work. Advisers looking at people
 * outside their reach through an offer get the same bound, per adviser.
 */
export const CANDIDATE_QUOTA = {
  bucket: "candidate_cards",
  windowMinutes: 24 * 60,
  /** share of the visible candidates */
  share: 0.05,
  /** at least this many a day */
  min: 20,
  message:
    "Vous avez consulté beaucoup de candidats aujourd'hui : pour protéger les personnes inscrites, la liste est limitée. Vous pourrez en voir de nouveaux {delay}.",
} as const satisfies Quota & { share: number; min: number };

/** The daily number of candidates one organisation may see, for this many visible candidates. */
export function candidateQuotaFor(visibleCandidates: number): number {
  return Math.max(CANDIDATE_QUOTA.min, Math.floor(CANDIDATE_QUOTA.share * visibleCandidates));
}

export type QuotaOutcome = {
  /** the items served: counted before within the window, or counted now */
  allowed: Set<string>;
  /** items left out because the quota is spent */
  refused: number;
  /** when the quota lets a new item in again (null when it is not spent) */
  resetsAt: Date | null;
};

/**
 * Counts the distinct `items` of `key` not already counted within the window, up to `max`
 * in the window. Items already counted cost nothing; new ones beyond the quota are refused
 * (left out of `allowed`). When every item asked for is refused, throws TOO_MANY_REQUESTS
 * with the quota's message. Under the same advisory lock as the rate limits.
 */
export async function consumeQuota(
  db: Database,
  quota: Quota,
  key: string,
  items: string[],
  max: number,
  now = new Date(),
): Promise<QuotaOutcome> {
  const outcome = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await lockKey(tx, quota, key);
    const since = new Date(now.getTime() - quota.windowMinutes * 60_000);
    const rows = await queryRows<{ item: string; at: string | Date }>(
      tx,
      sql`select ${rateLimitHits.item} as item, min(${rateLimitHits.at}) as at from ${rateLimitHits}
        where ${rateLimitHits.bucket} = ${quota.bucket} and ${rateLimitHits.key} = ${key}
          and ${rateLimitHits.at} > ${since.toISOString()}::timestamptz and ${rateLimitHits.item} is not null
        group by ${rateLimitHits.item}
        order by 2`,
    );
    const counted = new Set(rows.map((r) => String(r.item)));
    const allowed = new Set<string>();
    const fresh: string[] = [];
    let refused = 0;
    for (const item of new Set(items)) {
      if (counted.has(item)) allowed.add(item);
      else if (counted.size + fresh.length < max) {
        fresh.push(item);
        allowed.add(item);
      } else refused++;
    }
    if (fresh.length) {
      await tx.insert(rateLimitHits).values(fresh.map((item) => ({ bucket: quota.bucket, key, item, at: now })));
    }
    // the oldest counted item leaves the window first
    const oldest = rows[0] ? new Date(rows[0].at) : now;
    const resetsAt = counted.size + fresh.length >= max ? new Date(oldest.getTime() + quota.windowMinutes * 60_000) : null;
    return { allowed, refused, resetsAt };
  });
  if (Math.random() < PURGE_PROBABILITY) await purgeRateLimitHits(db, now);
  if (outcome.refused > 0 && outcome.allowed.size === 0) {
    refuse({ ...quota, max, message: quota.message }, outcome.resetsAt ?? now, now);
  }
  return outcome;
}

/** The quota's message for a reset time ("… dans 3 heures"). */
export function quotaMessage(quota: Quota, resetsAt: Date, now = new Date()): string {
  return quota.message.replace("{delay}", delayText(resetsAt.getTime() - now.getTime()));
}

/** "dans 1 minute", "dans 12 minutes", "dans 3 heures". */
export function delayText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 120) return `dans ${minutes} minute${minutes > 1 ? "s" : ""}`;
  const hours = Math.ceil(minutes / 60);
  return `dans ${hours} heures`;
}

export class RateLimited extends TRPCError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super({ code: "TOO_MANY_REQUESTS", message });
  }
}

async function lockKey(tx: Database, limit: Pick<RateLimit, "bucket">, key: string) {
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${`${limit.bucket}:${key}`}, 0))`);
}

/** When the window lets one more in: the hit that must leave the window, plus the window. */
async function blockedUntil(tx: Database, limit: RateLimit, key: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const rows = await queryRows<{ at: string | Date }>(
    tx,
    sql`select ${rateLimitHits.at} as at from ${rateLimitHits}
      where ${rateLimitHits.bucket} = ${limit.bucket} and ${rateLimitHits.key} = ${key}
        and ${rateLimitHits.at} > ${since.toISOString()}::timestamptz
      order by ${rateLimitHits.at} desc
      limit ${limit.max}`,
  );
  if (rows.length < limit.max) return null;
  const oldestCounted = new Date(rows[rows.length - 1]!.at);
  return new Date(oldestCounted.getTime() + limit.windowMinutes * 60_000);
}

function refuse(limit: RateLimit, until: Date, now: Date): never {
  const wait = until.getTime() - now.getTime();
  throw new RateLimited(limit.message.replace("{delay}", delayText(wait)), wait);
}

/** Counts one action of `key`, or refuses (TOO_MANY_REQUESTS) when the window is full. */
export async function consumeRateLimit(db: Database, limit: RateLimit, key: string, now = new Date()): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await lockKey(tx, limit, key);
    const until = await blockedUntil(tx, limit, key, now);
    if (until) refuse(limit, until, now);
    await tx.insert(rateLimitHits).values({ bucket: limit.bucket, key, at: now });
  });
  if (Math.random() < PURGE_PROBABILITY) await purgeRateLimitHits(db, now);
}

/** Refuses when the window is full, without counting (for limits that count failures only). */
export async function assertUnderRateLimit(db: Database, limit: RateLimit, key: string, now = new Date()): Promise<void> {
  const until = await blockedUntil(db, limit, key, now);
  if (until) refuse(limit, until, now);
}

/** Counts one failure of `key` (see assertUnderRateLimit). */
export async function recordRateLimitHit(db: Database, limit: RateLimit, key: string, now = new Date()): Promise<void> {
  await db.insert(rateLimitHits).values({ bucket: limit.bucket, key, at: now });
}

/**
 * Runs `action` unless `key` has failed too often; a failure (`isFailure` says which errors
 * count) is recorded before it propagates.
 */
export async function limitFailures<T>(
  db: Database,
  limit: RateLimit,
  key: string,
  isFailure: (err: unknown) => boolean,
  action: () => Promise<T>,
): Promise<T> {
  await assertUnderRateLimit(db, limit, key);
  try {
    return await action();
  } catch (err) {
    if (isFailure(err)) await recordRateLimitHit(db, limit, key);
    throw err;
  }
}

// Hits serve no limit after the longest window (a day); the privacy page promises 24 hours.
// Purged now and then from the counting path itself, so no scheduler is needed.
const PURGE_PROBABILITY = 0.02;
/** Drops the rows older than a day before `now` (the clock the caller counted with, not the database's). */
export async function purgeRateLimitHits(db: Database, now = new Date()): Promise<void> {
  await queryRows(db, sql`delete from ${rateLimitHits} where ${rateLimitHits.at} < ${now.toISOString()}::timestamptz - interval '1 day'`);
}
