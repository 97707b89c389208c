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
  contactRequest: {
    bucket: "contact_request",
    max: 50,
    windowMinutes: 24 * 60,
    message: "Vous avez envoyé beaucoup de demandes de contact aujourd'hui. Réessayez {delay}.",
  },
  /** CSV previews and imports one admin runs (each parses up to 5 MB). */
  import: {
    bucket: "import",
    max: 30,
    windowMinutes: 60,
    message: "Trop d'imports en peu de temps. Réessayez {delay}.",
  },
} as const satisfies Record<string, RateLimit>;

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

async function lockKey(tx: Database, limit: RateLimit, key: string) {
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
  if (Math.random() < PURGE_PROBABILITY) await purgeRateLimitHits(db);
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
export async function purgeRateLimitHits(db: Database): Promise<void> {
  await queryRows(db, sql`delete from ${rateLimitHits} where ${rateLimitHits.at} < now() - interval '1 day'`);
}
