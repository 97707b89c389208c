import { and, desc, eq, gt, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { FieldErrors } from "../lib/field-errors";
import { escapeLike } from "../lib/text";
import type { SessionUser } from "../trpc/context";
import { communeByInsee } from "../referentials/queries";
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { accessCodes, signInAttempts, users, type Role } from "./schema";
import {
  dummyPasswordHash,
  generateAccessCode,
  hashAccessCode,
  letterAccessCode,
  hashPassword,
  verifyPassword,
} from "./password";
import type {
  activateInput,
  createBeneficiaryInput,
  createStaffInput,
  listUsersInput,
} from "./inputs";
import { SWITCHABLE_ROLES } from "./inputs";
import { territories } from "../instance/schema";
import { queueEmails } from "../notifications/outbox";
import { assertStrongPassword, passwordVerdict, personalWords } from "./password-strength";
import { revokeAllSessions } from "./sessions";
import { assertUnderRateLimit, RATE_LIMITS, RateLimited, recordRateLimitHit } from "../ratelimit/limits";

const ACCESS_CODE_DAYS = 60;
export const EMAIL_TAKEN = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou choisissez une autre adresse.";

export type PublicUser = Pick<SessionUser, "id" | "role" | "email" | "firstName" | "lastName" | "territoryCode">;

export async function emailTaken(db: Database, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export function toPublic(u: typeof users.$inferSelect): PublicUser {
  return {
    id: u.id,
    role: u.role,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    territoryCode: u.territoryCode,
  };
}

/**
 * A new one-time code for the account. `forLetter`: the code of a pending account's letter,
 * which the adviser can show and print again until it is used or expires (letterAccessCode);
 * other codes (e-mailed, reset on screen) can never be shown again.
 */
export async function issueAccessCode(
  db: Database,
  userId: string,
  validForMs = ACCESS_CODE_DAYS * 24 * 3600 * 1000,
  purpose: "activation" | "sign_in" = "activation",
  { forLetter = false }: { forLetter?: boolean } = {},
): Promise<{ code: string; expiresAt: Date }> {
  const id = randomUUID();
  const code = forLetter ? letterAccessCode(id) : generateAccessCode();
  const expiresAt = new Date(Date.now() + validForMs);
  if (purpose === "activation") {
    // Only one live activation code per person: a new letter cancels the previous one.
    await db
      .delete(accessCodes)
      .where(and(eq(accessCodes.userId, userId), isNull(accessCodes.usedAt), eq(accessCodes.purpose, "activation")));
  } else {
    // Sign-in codes already e-mailed stay good until they expire: someone asking for codes in
    // the owner's name must not void the one the owner is about to type. Spent ones go.
    await db
      .delete(accessCodes)
      .where(and(eq(accessCodes.userId, userId), eq(accessCodes.purpose, "sign_in"), or(sql`${accessCodes.usedAt} is not null`, lt(accessCodes.expiresAt, new Date()))));
  }
  await db.insert(accessCodes).values({ id, userId, codeHash: hashAccessCode(code), expiresAt, purpose });
  return { code, expiresAt };
}

/**
 * The code of the pending account's letter still waiting to be used, as on the letter; null
 * when there is none: used, expired, cancelled, or made before letter codes could be shown
 * again or under another AUTH_SECRET (then only a new code helps). The caller checks who asks.
 */
export async function currentLetterCode(db: Database, userId: string): Promise<{ code: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ id: accessCodes.id, codeHash: accessCodes.codeHash, expiresAt: accessCodes.expiresAt })
    .from(accessCodes)
    .innerJoin(users, eq(users.id, accessCodes.userId))
    .where(
      and(
        eq(accessCodes.userId, userId),
        eq(users.status, "pending"),
        eq(accessCodes.purpose, "activation"),
        isNull(accessCodes.usedAt),
        gt(accessCodes.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(accessCodes.createdAt))
    .limit(1);
  if (!row) return null;
  const code = letterAccessCode(row.id);
  return hashAccessCode(code) === row.codeHash ? { code, expiresAt: row.expiresAt } : null;
}

export type CreatedAccount = { user: PublicUser; accessCode: string; expiresAt: Date };

/** An adviser creates the account of a person who cannot; the person activates it with the code. */
export async function createBeneficiaryByAdviser(
  db: Database,
  adviser: SessionUser,
  input: z.output<typeof createBeneficiaryInput>,
): Promise<CreatedAccount> {
  if (input.email && (await emailTaken(db, input.email))) throw new FieldErrors({ email: [EMAIL_TAKEN] });
  return createPendingAccount(db, adviser.id, {
    role: "beneficiary",
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    territoryCode: adviser.territoryCode,
  });
}

/** An admin (or the CLI, with actorId null) creates an adviser, admin, employer or training organisation. */
export async function createStaffAccount(
  db: Database,
  actorId: string | null,
  input: z.output<typeof createStaffInput>,
  password?: string,
): Promise<CreatedAccount | { user: PublicUser; accessCode: null; expiresAt: null }> {
  if (await emailTaken(db, input.email)) throw new FieldErrors({ email: [EMAIL_TAKEN] });
  await assertKnownTerritory(db, input.territoryCode);
  if (password) {
    await assertStrongPassword(password, personalWords(input.firstName, input.lastName, input.email));
    const passwordHash = await hashPassword(password);
    return db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ ...input, territoryCode: input.territoryCode ?? null, passwordHash, status: "active", createdBy: actorId })
        .returning();
      await recordAudit(tx as unknown as Database, {
        actorId,
        action: "account.create",
        subjectType: "user",
        subjectId: user!.id,
        details: { role: input.role },
      });
      return { user: toPublic(user!), accessCode: null, expiresAt: null };
    });
  }
  return createPendingAccount(db, actorId, { ...input, territoryCode: input.territoryCode ?? null });
}

/**
 * A pending account and its access code, in one transaction; `inTransaction` adds what goes
 * with it (e.g. the membership of a recruiter) in the same transaction.
 */
export async function createPendingAccount(
  db: Database,
  actorId: string | null,
  values: { role: Role; firstName: string; lastName: string; email: string | null; territoryCode: string | null },
  inTransaction?: (tx: Database, user: PublicUser) => Promise<void>,
): Promise<CreatedAccount> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ ...values, status: "pending", createdBy: actorId })
        .returning();
      if (inTransaction) await inTransaction(tx as unknown as Database, toPublic(user!));
      const { code, expiresAt } = await issueAccessCode(tx as unknown as Database, user!.id, undefined, "activation", { forLetter: true });
      await recordAudit(tx as unknown as Database, {
        actorId,
        action: "account.create",
        subjectType: "user",
        subjectId: user!.id,
        details: { role: values.role, pending: true },
      });
      return { user: toPublic(user!), accessCode: code, expiresAt };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldErrors({ email: [EMAIL_TAKEN] });
    throw err;
  }
}

/** An active account for someone who signed up alone and confirmed their address (signup module), in the caller's transaction. */
export async function createActiveAccount(
  tx: Database,
  values: { email: string; passwordHash: string; role: Role; firstName: string; lastName: string },
): Promise<typeof users.$inferSelect> {
  const [user] = await tx
    .insert(users)
    .values({
      email: values.email,
      passwordHash: values.passwordHash,
      role: values.role,
      firstName: values.firstName,
      lastName: values.lastName,
      status: "active",
    })
    .returning();
  return user!;
}

/** The account can no longer sign in and its unused codes stop working (a recruiter leaves their organisation). */
export async function disableAccount(tx: Database, userId: string): Promise<void> {
  await tx.update(users).set({ status: "disabled" }).where(eq(users.id, userId));
  await tx.delete(accessCodes).where(and(eq(accessCodes.userId, userId), isNull(accessCodes.usedAt)));
}

/** A new code for a pending account (lost letter) or an active one (forgotten password). */
export async function reissueAccessCode(db: Database, actor: SessionUser, userId: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    // An adviser only handles beneficiaries they created or of their own territory.
    const allowed =
      actor.role === "admin" ||
      (user?.role === "beneficiary" && (user.createdBy === actor.id || (actor.territoryCode !== null && user.territoryCode === actor.territoryCode)));
    // A pending account gets a new letter; an active one a way back in after a forgotten
    // password (the code lets the person choose a new one). Disabled accounts stay closed.
    if (!user || !allowed || user.status === "disabled") {
      throw new FieldErrors({ userId: ["Ce compte n'existe pas ou est désactivé."] });
    }
    // A pending account's code goes on a letter the adviser may print again; an active
    // account's reset code is shown once.
    const issued = await issueAccessCode(tx as unknown as Database, userId, undefined, "activation", {
      forLetter: user.status === "pending",
    });
    await recordAudit(tx as unknown as Database, {
      actorId: actor.id,
      action: "account.access_code_reissued",
      subjectType: "user",
      subjectId: userId,
      details: { passwordReset: user.status === "active" },
    });
    return issued;
  });
}

/** An e-mailed code is a key to the account: it lives an hour, not the 60 days of a letter. */
export const RESET_CODE_MINUTES = 60;

/** The e-mail that brings a forgotten password's code (plain text, like every e-mail sent). */
export function passwordResetEmail(firstName: string, code: string, siteUrl: string | null) {
  const where = siteUrl
    ? `Ouvrez ce lien et choisissez votre nouveau mot de passe :\n${siteUrl}/activer?code=${encodeURIComponent(code)}&motif=oubli\n\nou, sur la page « Activer mon compte » du site, tapez ce code : ${code}`
    : `Sur la page « Activer mon compte » du site, tapez ce code : ${code}\npuis choisissez votre nouveau mot de passe.`;
  return {
    subject: "Votre nouveau mot de passe",
    body: `Bonjour ${firstName},\n\nVous avez demandé à choisir un nouveau mot de passe.\n${where}\n\nCe code marche une seule fois, pendant ${RESET_CODE_MINUTES} minutes.\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n`,
  };
}

/**
 * "Mot de passe oublié" for accounts with an e-mail: a one-hour access code goes by e-mail, and
 * the activation page (which already lets a person with a code choose a new password) does the
 * rest. Says nothing about whether the account exists: the caller answers the same either way.
 * The link's address comes from the configuration only (never the request's Host header, which
 * an attacker could set to send the victim's code to their own site).
 */
export async function requestPasswordReset(db: Database, email: string, siteUrl: string | null): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.status !== "active") return false;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const { code } = await issueAccessCode(tx, user.id, RESET_CODE_MINUTES * 60_000);
    await queueEmails(tx, [{ toAddress: email, ...passwordResetEmail(user.firstName, code, siteUrl), confidential: true }]);
    await recordAudit(tx, { actorId: null, action: "account.password_reset_requested", subjectType: "user", subjectId: user.id });
  });
  return true;
}

/** A one-time sign-in code by e-mail: the owner's way in whatever wrong passwords others typed. */
export const SIGN_IN_CODE_MINUTES = 15;

export function signInCodeEmail(firstName: string, code: string, siteUrl: string | null) {
  const where = siteUrl
    ? `Ouvrez ce lien pour vous connecter :\n${siteUrl}/connexion/code?code=${encodeURIComponent(code)}\n\nou, sur la page « Se connecter avec un code » du site, tapez ce code : ${code}`
    : `Sur la page « Se connecter avec un code » du site, tapez ce code : ${code}`;
  return {
    subject: "Votre code de connexion",
    body: `Bonjour ${firstName},\n\nVous avez demandé un code pour vous connecter sans mot de passe.\n${where}\n\nCe code marche une seule fois, pendant ${SIGN_IN_CODE_MINUTES} minutes.\nSi vous n'avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce code.\n`,
  };
}

/**
 * "Recevoir un code par e-mail" on the sign-in page. Says nothing about whether the account
 * exists (the caller answers the same either way); the link's address comes from AUTH_URL only.
 */
export async function requestSignInCode(db: Database, email: string, siteUrl: string | null): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.status !== "active") return false;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const { code } = await issueAccessCode(tx, user.id, SIGN_IN_CODE_MINUTES * 60_000, "sign_in");
    await queueEmails(tx, [{ toAddress: email, ...signInCodeEmail(user.firstName, code, siteUrl), confidential: true }]);
    await recordAudit(tx, { actorId: null, action: "account.sign_in_code_requested", subjectType: "user", subjectId: user.id });
  });
  return true;
}

/**
 * Signs in with an e-mailed code: single use, SIGN_IN_CODE_MINUTES, only for the account it was
 * sent to. Wrong codes are limited per address (codes have ~50 bits, so guessing is hopeless
 * anyway); nothing a stranger types can stop the owner's code from working. A success clears
 * the account's wrong-password count like any sign-in.
 */
export async function verifySignInCode(db: Database, emailRaw: string, code: string, ip: string): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  try {
    await assertUnderRateLimit(db, RATE_LIMITS.signInCodeFailure, ip);
  } catch (err) {
    if (err instanceof RateLimited) return { ok: false, reason: "rate_limited" };
    throw err;
  }
  const [found] = await db
    .select({ codeId: accessCodes.id, user: users })
    .from(accessCodes)
    .innerJoin(users, eq(users.id, accessCodes.userId))
    .where(
      and(
        eq(accessCodes.codeHash, hashAccessCode(code)),
        eq(accessCodes.purpose, "sign_in"),
        eq(users.email, email),
        isNull(accessCodes.usedAt),
        gt(accessCodes.expiresAt, new Date()),
      ),
    )
    .limit(1);
  const claimed = found
    ? await db
        .update(accessCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(accessCodes.id, found.codeId), isNull(accessCodes.usedAt)))
        .returning({ id: accessCodes.id })
    : [];
  if (!found || claimed.length === 0) {
    await recordRateLimitHit(db, RATE_LIMITS.signInCodeFailure, ip);
    return { ok: false, reason: "invalid" };
  }
  if (found.user.status !== "active") return { ok: false, reason: found.user.status === "disabled" ? "disabled" : "pending" };
  await db.insert(signInAttempts).values({ email, ip, succeeded: true });
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, found.user.id));
  await recordAudit(db, { actorId: found.user.id, action: "account.sign_in_with_code", subjectType: "user", subjectId: found.user.id });
  return { ok: true, user: toPublic(found.user) };
}

const BAD_CODE = "Ce code n'est pas valable. Vérifiez-le sur votre courrier ou demandez-en un nouveau à votre conseiller.";

/** The person types the code from their letter, chooses an e-mail and a password. */
export async function activateAccount(db: Database, input: z.output<typeof activateInput>): Promise<PublicUser> {
  const rows = await db
    .select({ code: accessCodes, user: users })
    .from(accessCodes)
    .innerJoin(users, eq(users.id, accessCodes.userId))
    .where(
      and(
        eq(accessCodes.codeHash, hashAccessCode(input.code)),
        eq(accessCodes.purpose, "activation"),
        isNull(accessCodes.usedAt),
        gt(accessCodes.expiresAt, new Date()),
      ),
    )
    .limit(1);
  const found = rows[0];
  if (!found || found.user.status === "disabled") throw new FieldErrors({ code: [BAD_CODE] });
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  if (existing[0] && existing[0].id !== found.user.id) throw new FieldErrors({ email: [EMAIL_TAKEN] });
  await assertStrongPassword(input.password, personalWords(found.user.firstName, found.user.lastName, input.email));
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      // Claim the code atomically: two activations racing with one code cannot both win.
      const claimed = await tx
        .update(accessCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(accessCodes.id, found.code.id), isNull(accessCodes.usedAt)))
        .returning({ id: accessCodes.id });
      if (claimed.length === 0) throw new FieldErrors({ code: [BAD_CODE] });
      const [user] = await tx
        .update(users)
        .set({ email: input.email, passwordHash, status: "active" })
        .where(eq(users.id, found.user.id))
        .returning();
      await recordAudit(tx as unknown as Database, {
        actorId: user!.id,
        action: "account.activate",
        subjectType: "user",
        subjectId: user!.id,
      });
      // A new password (forgotten one, or a new letter): every browser signed in before is out.
      if (found.user.status === "active") await revokeAllSessions(tx as unknown as Database, user!.id, "password_changed");
      return toPublic(user!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldErrors({ email: [EMAIL_TAKEN] });
    throw err;
  }
}

// Sign-in protection (docs/reliability.md, Accounts). Wrong passwords typed by a stranger must
// never keep the owner out, so nothing locks an account for everyone:
// - one address may get one account's password wrong MAX_FAILURES_PER_ACCOUNT_ADDRESS times
//   in the window, then that address (only) waits for the window to pass;
// - one address may fail MAX_FAILURES_PER_IP times in all (guessing many accounts);
// - failures on an account from every address together only slow it down: from the
//   ACCOUNT_SLOWDOWN_AFTER-th, each try must wait 1, 2, 4 … up to ACCOUNT_MAX_DELAY_SECONDS
//   after the last failure (a guesser spread over many addresses gets ~1 try a minute);
// - and the owner can always get in with a one-time code by e-mail (requestSignInCode).
// An account's failures count from its last successful sign-in.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;
export const MAX_FAILURES_PER_IP = 30;
export const ACCOUNT_SLOWDOWN_AFTER = 5;
export const ACCOUNT_MAX_DELAY_SECONDS = 60;
/** From this many wrong tries, the sign-in page says how many remain. */
export const SHOW_REMAINING_FROM = 3;
const PURGE_PROBABILITY = 0.02;

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid"; remaining?: number }
  | { ok: false; reason: "slow_down"; retryAfterSeconds: number }
  | { ok: false; reason: "rate_limited" | "disabled" | "pending" };

export async function recentFailures(db: Database, email: string, ip: string, now = new Date()) {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60 * 1000);
  const r = await queryRows<{ by_email: number; by_email_ip: number; by_ip: number; last_email_failure: string | Date | null }>(db, sql`
    with last_success as (
      select coalesce(max(s.at), '-infinity') as at from ${signInAttempts} s where s.email = ${email} and s.succeeded
    )
    select
      count(*) filter (where ${signInAttempts.email} = ${email} and ${signInAttempts.at} > (select at from last_success))::int as by_email,
      count(*) filter (where ${signInAttempts.email} = ${email} and ${signInAttempts.ip} = ${ip}
        and ${signInAttempts.at} > (select at from last_success))::int as by_email_ip,
      count(*) filter (where ${signInAttempts.ip} = ${ip})::int as by_ip,
      max(${signInAttempts.at}) filter (where ${signInAttempts.email} = ${email}) as last_email_failure
    from ${signInAttempts}
    where not ${signInAttempts.succeeded} and ${signInAttempts.at} > ${since.toISOString()}::timestamptz
      and (${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`);
  const row = r[0];
  return {
    byEmail: Number(row?.by_email ?? 0),
    byEmailIp: Number(row?.by_email_ip ?? 0),
    byIp: Number(row?.by_ip ?? 0),
    lastEmailFailure: row?.last_email_failure ? new Date(row.last_email_failure) : null,
  };
}

/** Seconds an account must wait after its last failure, once failures pile up (0: none). */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_SECONDS, 2 ** (failures - ACCOUNT_SLOWDOWN_AFTER));
}

/** Checks an e-mail and password, counting failures; refuses or slows down past the limits. */
export async function verifySignIn(db: Database, emailRaw: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  const failures = await recentFailures(db, email, ip, now);
  if (failures.byEmailIp >= MAX_FAILURES_PER_ACCOUNT_ADDRESS || failures.byIp >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: "rate_limited" };
  }
  const delay = accountDelaySeconds(failures.byEmail);
  if (delay > 0 && failures.lastEmailFailure) {
    const waitMs = failures.lastEmailFailure.getTime() + delay * 1000 - now.getTime();
    if (waitMs > 0) return { ok: false, reason: "slow_down", retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const succeeded = Boolean(user && valid && user.status === "active");
  await db.insert(signInAttempts).values({ email, ip, succeeded, at: now });
  // Attempts serve no limit after a day (and the privacy page promises 24 hours): purge now
  // and then, from the sign-in path itself, so no scheduler is needed for it.
  if (Math.random() < PURGE_PROBABILITY) await purgeSignInAttempts(db);
  if (!user || !valid) {
    // Said the same way whether the account exists: the count is this address's on this e-mail.
    const wrong = failures.byEmailIp + 1;
    return wrong >= SHOW_REMAINING_FROM
      ? { ok: false, reason: "invalid", remaining: Math.max(0, MAX_FAILURES_PER_ACCOUNT_ADDRESS - wrong) }
      : { ok: false, reason: "invalid" };
  }
  if (user.status === "disabled") return { ok: false, reason: "disabled" };
  if (user.status === "pending") return { ok: false, reason: "pending" };
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  return { ok: true, user: toPublic(user) };
}

/** Attempts older than a day serve no limit any more. */
export async function purgeSignInAttempts(db: Database) {
  await queryRows(db, sql`delete from ${signInAttempts} where ${signInAttempts.at} < now() - interval '1 day'`);
}

export async function listUsers(db: Database, input: z.output<typeof listUsersInput>) {
  const filters: SQL[] = [];
  if (input.role) filters.push(eq(users.role, input.role));
  if (input.query) {
    const q = `%${escapeLike(input.query)}%`;
    filters.push(or(ilike(users.email, q), ilike(users.lastName, q), ilike(users.firstName, q))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      status: users.status,
      territoryCode: users.territoryCode,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), users.id)
    .limit(input.limit)
    .offset(input.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  return { users: rows, total: Number(total?.n ?? 0) };
}

export async function setUserStatus(db: Database, actor: SessionUser, userId: string, status: "active" | "disabled") {
  if (userId === actor.id) throw new FieldErrors({ userId: ["Vous ne pouvez pas désactiver votre propre compte."] });
  return db.transaction(async (tx) => {
    // A pending account only becomes active through its access code, never by this switch.
    const [user] = await tx
      .update(users)
      .set({ status })
      .where(and(eq(users.id, userId), sql`${users.status} <> 'pending'`))
      .returning();
    if (!user) throw new FieldErrors({ userId: ["Ce compte n'existe pas ou attend encore son activation."] });
    await recordAudit(tx as unknown as Database, {
      actorId: actor.id,
      action: status === "disabled" ? "account.disable" : "account.enable",
      subjectType: "user",
      subjectId: userId,
    });
    return toPublic(user);
  });
}

/** Refuses a territory code the instance does not have (the database is the truth: admins may edit territories). */
async function assertKnownTerritory(db: Database, territoryCode: string | null | undefined) {
  if (!territoryCode) return;
  const [known] = await db.select({ code: territories.code }).from(territories).where(eq(territories.code, territoryCode)).limit(1);
  if (!known) throw new FieldErrors({ territoryCode: ["Ce territoire n'existe pas dans l'instance."] });
}

/** An admin sets the territory of an adviser or an admin (null: the whole instance). */
export async function setUserTerritory(db: Database, actor: SessionUser, userId: string, territoryCode: string | null) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await assertKnownTerritory(t, territoryCode);
    const [before] = await t.select({ role: users.role, territoryCode: users.territoryCode }).from(users).where(eq(users.id, userId)).limit(1);
    if (!before || !(SWITCHABLE_ROLES as readonly string[]).includes(before.role)) {
      throw new FieldErrors({ userId: ["Seuls les conseillers et les administrateurs ont un territoire à choisir ici."] });
    }
    const [user] = await t.update(users).set({ territoryCode }).where(eq(users.id, userId)).returning();
    await recordAudit(t, {
      actorId: actor.id,
      action: "account.set_territory",
      subjectType: "user",
      subjectId: userId,
      details: { from: before.territoryCode, to: territoryCode },
    });
    return toPublic(user!);
  });
}

/** An admin makes an adviser an admin or the reverse; never themselves (no locking oneself out). */
export async function setUserRole(db: Database, actor: SessionUser, userId: string, role: (typeof SWITCHABLE_ROLES)[number]) {
  if (userId === actor.id) throw new FieldErrors({ role: ["Vous ne pouvez pas changer votre propre rôle."] });
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [before] = await t.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
    if (!before || !(SWITCHABLE_ROLES as readonly string[]).includes(before.role)) {
      throw new FieldErrors({ userId: ["Seul un conseiller ou un administrateur peut changer de rôle."] });
    }
    if (before.role === role) return { id: userId, role };
    if (before.role === "adviser") {
      // An admin follows nobody: their caseload goes back to the unassigned, said in the audit.
      const [n] = await queryRows<{ n: number }>(
        t,
        sql`select count(*)::int as n from beneficiary_profiles where adviser_id = ${userId}::uuid`,
      );
      if (Number(n?.n ?? 0) > 0) {
        throw new FieldErrors({
          role: ["Ce conseiller suit encore des personnes : affectez-les à un autre conseiller avant d'en faire un administrateur."],
        });
      }
    }
    await t.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(t, {
      actorId: actor.id,
      action: "account.set_role",
      subjectType: "user",
      subjectId: userId,
      details: { from: before.role, to: role },
    });
    return { id: userId, role };
  });
}
