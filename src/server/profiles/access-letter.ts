import { TRPCError } from "@trpc/server";
import { formatDate } from "../../lib/dates";
import { recordAudit } from "../audit/record";
import { currentLetterCode } from "../auth/accounts";
import type { Database } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { instanceTimeZone } from "../config/time-zone";
import { BODY, BOLD, createPdf } from "../lib/pdf";
import type { SessionUser } from "../trpc/context";
import { pendingBeneficiary } from "./access-code";

export type AccessLetter = {
  instanceName: string;
  organisation: string;
  firstName: string;
  lastName: string;
  code: string;
  activationUrl: string;
  expiresAt: Date;
  adviserName: string;
};

/** The access-code letter: one A4 page, large code in a monospace font, plain instructions. */
export function renderAccessLetterPdf(l: AccessLetter): Promise<Buffer> {
  const name = `${l.firstName} ${l.lastName}`.trim();
  const { doc, finished } = createPdf({
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    info: { Title: `Courrier d'activation pour ${name}`, Creator: l.instanceName },
  });
  const text = "#1a1a1a";
  const width = doc.page.width - 128;

  doc.font(BOLD).fontSize(12).fillColor(text).text(l.organisation);
  doc.font(BODY).fontSize(12).text(l.instanceName);
  doc.moveDown(2);
  doc.font(BOLD).fontSize(16).text(`Bonjour ${name},`);
  doc.moveDown(0.8);
  doc.font(BODY).fontSize(13);
  doc.text(`Votre compte ${l.instanceName} est prêt. Il vous permettra de faire votre CV et de trouver un emploi près de chez vous.`);
  doc.moveDown(1);
  doc.font(BOLD).text("Pour l'activer :");
  doc.moveDown(0.5).font(BODY);
  doc.text("1.  Allez sur cette adresse :");
  doc.font(BOLD).fontSize(14).text(l.activationUrl, { indent: 24 });
  doc.moveDown(0.5).font(BODY).fontSize(13).text("2.  Tapez ce code :");
  doc.moveDown(0.5);
  const boxTop = doc.y;
  doc.roundedRect(64, boxTop, width, 72, 8).lineWidth(2).strokeColor("#0b3d6b").stroke();
  // The code's alphabet is plain ASCII (no look-alikes): Courier's fixed width reads best.
  doc.font("Courier-Bold").fontSize(34).fillColor(text).text(l.code, 64, boxTop + 20, { width, align: "center", characterSpacing: 2 });
  doc.x = 64;
  doc.y = boxTop + 90;
  doc.font(BODY).fontSize(13).text("3.  Choisissez votre adresse e-mail et un mot de passe.");
  doc.moveDown(1);
  doc.text("Ce code marche une seule fois, jusqu'au ", { continued: true }).font(BOLD).text(`${formatDate(l.expiresAt, instanceTimeZone())}.`);
  doc.font(BODY).moveDown(0.5);
  doc.text("Les lettres et les chiffres peuvent être tapés en minuscules ou en majuscules ; les tirets ne sont pas obligatoires.");
  doc.moveDown(0.5);
  doc.text("Gardez ce courrier pour vous : ce code ouvre votre compte. Si vous le perdez, votre conseiller peut vous en donner un nouveau.");
  doc.moveDown(1.5);
  doc.text(`Votre conseiller : ${l.adviserName}`);
  doc
    .moveDown(3)
    .fontSize(9)
    .fillColor("#555555")
    .text(`Courrier imprimé le ${formatDate(new Date(), instanceTimeZone())}. Si votre conseiller vous donne un nouveau code, celui de ce courrier ne marchera plus.`);
  doc.end();
  return finished;
}

export const NO_CODE_TO_PRINT =
  "Aucun code valable à imprimer : le dernier a expiré ou ne peut plus être affiché. Donnez un nouveau code depuis la fiche de la personne.";

/**
 * The access-code letter of a pending beneficiary account, for the code still waiting to be
 * used: the same code as on the adviser's screen, and printing never changes it. Issuing a new
 * code is a separate action (accounts.reissueAccessCode) that cancels the old one.
 */
export async function accessLetterPdf(
  db: Database,
  actor: SessionUser,
  userId: string,
  activationUrl: string,
): Promise<{ pdf: Buffer; fileName: string[] }> {
  const person = await pendingBeneficiary(db, actor, userId);
  const current = await currentLetterCode(db, userId);
  if (!current) throw new TRPCError({ code: "CONFLICT", message: NO_CODE_TO_PRINT });
  const config = loadInstanceConfig();
  const pdf = await renderAccessLetterPdf({
    instanceName: config.displayName,
    organisation: config.organisation,
    firstName: person.firstName,
    lastName: person.lastName,
    code: current.code,
    activationUrl,
    expiresAt: current.expiresAt,
    adviserName: `${actor.firstName} ${actor.lastName}`.trim(),
  });
  // the code is a key to the account: who printed it is kept
  await recordAudit(db, { actorId: actor.id, action: "account.access_letter_printed", subjectType: "user", subjectId: userId, details: {} });
  return { pdf, fileName: ["courrier", person.firstName, person.lastName] };
}
