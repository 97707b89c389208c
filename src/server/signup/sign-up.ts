// Signing up alone, in two steps: the form, then the code e-mailed to the address. The
// account (and, for employers and training organisations, their organisation) is created in
// one transaction when the code comes back.

import { randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { z } from "zod";
import { createActiveAccount, EMAIL_TAKEN, isUniqueViolation, toPublic, type PublicUser } from "../auth/accounts";
import { hashAccessCode, hashPassword } from "../auth/password";
import { passwordVerdict, personalWords } from "../auth/password-strength";
import { users } from "../auth/schema";
import { recordAudit } from "../audit/record";
import { closedEstablishmentProblem } from "../organisations/company-directory";
import { kindOfRole, registerOrganisation, siretAvailability, UNKNOWN_COMMUNE } from "../organisations/organisations";
import type { Database } from "../db/client";
import { FieldErrors } from "../lib/field-errors";
import { queueEmails } from "../notifications/outbox";
import { communeByInsee } from "../referentials/queries";
import type { signUpInput } from "./inputs";
import { signUpRequests } from "./schema";

/** How long a sign-up waits for its e-mailed code, and how many wrong codes void it. */
export const SIGN_UP_CODE_MINUTES = 30;
export const SIGN_UP_CODE_MAX_FAILURES = 5;
const BAD_SIGN_UP_CODE =
  "Ce code n'est pas bon, ou il a plus de 30 minutes. Vérifiez-le dans l'e-mail reçu, ou demandez un nouveau code.";

type SignUpPayload = Omit<z.output<typeof signUpInput>, "password"> & { passwordHash: string };

/** The code a sign-up must bring back: 6 digits, easy to type on a phone (5 tries, 30 minutes). */
function generateSignUpCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export function signUpCodeEmail(firstName: string, code: string) {
  return {
    subject: `Votre code pour créer votre compte : ${code}`,
    body: `Bonjour ${firstName},\n\nPour finir de créer votre compte, tapez ce code sur la page d'inscription : ${code}\n\nCe code marche pendant ${SIGN_UP_CODE_MINUTES} minutes.\nSi vous n'avez rien demandé, ignorez ce message : aucun compte ne sera créé.\n`,
  };
}

/** To the owner of an address someone tried to sign up with again (links from AUTH_URL only). */
export function signUpAttemptEmail(firstName: string, siteUrl: string | null) {
  const links = siteUrl
    ? `Pour vous connecter : ${siteUrl}/connexion\nMot de passe oublié : ${siteUrl}/mot-de-passe-oublie`
    : "Pour vous connecter, ouvrez la page « Se connecter » du site ; si vous avez oublié votre mot de passe, choisissez « Mot de passe oublié ».";
  return {
    subject: "Quelqu'un a essayé de créer un compte avec votre adresse",
    body: `Bonjour ${firstName},\n\nQuelqu'un a essayé de créer un compte avec votre adresse e-mail, mais vous avez déjà un compte. Aucun autre compte n'a été créé.\n\nSi c'était vous :\n${links}\n\nSi ce n'était pas vous, vous n'avez rien à faire : votre compte ne change pas.\n`,
  };
}

/**
 * Step 1 of signing up alone (a beneficiary, an employer, a training organisation): checks the
 * form, then e-mails a code to the address. The account is created only when the code comes
 * back (confirmSignUp). The answer is the same whether the address already has an account
 * (its owner gets an e-mail saying someone tried, with links to sign in or reset) or not, and
 * both paths do the same work (the password is hashed either way), so nothing tells them apart.
 */
export async function requestSignUp(db: Database, input: z.output<typeof signUpInput>, siteUrl: string | null): Promise<void> {
  const role = input.role;
  const problems: Record<string, string[]> = {};
  const verdict = await passwordVerdict(
    input.password,
    personalWords(input.firstName, input.lastName, input.email, input.organisationName),
  );
  if (!verdict.ok) problems.password = [verdict.message];
  if (role !== "beneficiary") {
    try {
      await siretAvailability(db, input.siret!, kindOfRole(role));
    } catch (err) {
      if (!(err instanceof FieldErrors)) throw err;
      Object.assign(problems, err.fields);
    }
    // the directory's word (when it answers): a closed establishment cannot sign up
    if (!problems.siret) {
      const closed = await closedEstablishmentProblem(input.siret!);
      if (closed) problems.siret = [closed];
    }
    // checked again when the account is created; said now, while the form is on screen
    if (!(await communeByInsee(db, input.communeInsee!))) problems.communeInsee = [UNKNOWN_COMMUNE];
  }
  if (Object.keys(problems).length) throw new FieldErrors(problems);
  const passwordHash = await hashPassword(input.password);
  const [existing] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    if (existing) {
      await queueEmails(tx, [{ toAddress: input.email, ...signUpAttemptEmail(existing.firstName || input.firstName, siteUrl) }]);
      await recordAudit(tx, { actorId: null, action: "account.sign_up_existing_address", subjectType: "user", subjectId: existing.id });
      return;
    }
    const code = generateSignUpCode();
    const { password: _password, ...rest } = input;
    const payload: SignUpPayload = { ...rest, passwordHash };
    const values = {
      email: input.email,
      codeHash: hashAccessCode(code),
      payload,
      failedAttempts: 0,
      expiresAt: new Date(Date.now() + SIGN_UP_CODE_MINUTES * 60_000),
      createdAt: new Date(),
    };
    // One waiting sign-up per address: a new one (a lost code, a corrected form) replaces it.
    await tx.insert(signUpRequests).values(values).onConflictDoUpdate({ target: signUpRequests.email, set: values });
    await queueEmails(tx, [{ toAddress: input.email, ...signUpCodeEmail(input.firstName, code), confidential: true }]);
  });
  if (Math.random() < 0.05) await purgeSignUpRequests(db);
}

/** Expired sign-ups serve nothing (and hold a name and an address): gone. */
export async function purgeSignUpRequests(db: Database) {
  await db.delete(signUpRequests).where(lt(signUpRequests.expiresAt, new Date()));
}

/**
 * Step 2: the code from the e-mail creates the account (and the organisation for employers and
 * training organisations), in one transaction. Wrong codes count against the waiting sign-up
 * (SIGN_UP_CODE_MAX_FAILURES void it) and, in the router, against the caller's address.
 */
export async function confirmSignUp(db: Database, email: string, code: string): Promise<PublicUser> {
  const [request] = await db
    .select()
    .from(signUpRequests)
    .where(and(eq(signUpRequests.email, email), gt(signUpRequests.expiresAt, new Date())))
    .limit(1);
  const expected = request ? Buffer.from(request.codeHash) : Buffer.alloc(64);
  const given = Buffer.from(hashAccessCode(code.replace(/\s/g, "")));
  const right = Boolean(request) && expected.length === given.length && timingSafeEqual(expected, given);
  if (!request || !right) {
    if (request) {
      const failures = request.failedAttempts + 1;
      if (failures >= SIGN_UP_CODE_MAX_FAILURES) await db.delete(signUpRequests).where(eq(signUpRequests.id, request.id));
      else await db.update(signUpRequests).set({ failedAttempts: failures }).where(eq(signUpRequests.id, request.id));
    }
    throw new FieldErrors({ code: [BAD_SIGN_UP_CODE] });
  }
  const payload = request.payload as SignUpPayload;
  const role = payload.role;
  try {
    return await db.transaction(async (tx) => {
      // Claim the waiting sign-up: two confirmations racing cannot both create the account.
      const claimed = await tx.delete(signUpRequests).where(eq(signUpRequests.id, request.id)).returning({ id: signUpRequests.id });
      if (claimed.length === 0) throw new FieldErrors({ code: [BAD_SIGN_UP_CODE] });
      const user = await createActiveAccount(tx as unknown as Database, {
        email: payload.email,
        passwordHash: payload.passwordHash,
        role,
        firstName: payload.firstName,
        lastName: payload.lastName,
      });
      await recordAudit(tx as unknown as Database, {
        actorId: user.id,
        action: "account.sign_up",
        subjectType: "user",
        subjectId: user.id,
        details: { role, termsAcceptedAt: request.createdAt.toISOString(), emailConfirmed: true },
      });
      if (role !== "beneficiary") {
        await registerOrganisation(tx as unknown as Database, { id: user.id, role }, {
          siret: payload.siret!,
          organisationName: payload.organisationName!,
          communeInsee: payload.communeInsee!,
          addressLine: payload.addressLine ?? null,
        });
      }
      return toPublic(user);
    });
  } catch (err) {
    // The address got an account in between (an adviser created it): the mailbox's owner may know.
    if (isUniqueViolation(err)) throw new FieldErrors({ email: [EMAIL_TAKEN] });
    throw err;
  }
}

