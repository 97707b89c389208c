import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { formatDate } from "../../lib/dates";
import { reissueAccessCode } from "../auth/accounts";
import { users } from "../auth/schema";
import type { Database } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { instanceTimeZone } from "../config/time-zone";
import type { SessionUser } from "../trpc/context";

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
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    info: { Title: `Courrier d'activation pour ${name}`, Creator: l.instanceName },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const text = "#1a1a1a";
  const width = doc.page.width - 128;

  doc.font("Helvetica-Bold").fontSize(12).fillColor(text).text(l.organisation);
  doc.font("Helvetica").fontSize(12).text(l.instanceName);
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(16).text(`Bonjour ${name},`);
  doc.moveDown(0.8);
  doc.font("Helvetica").fontSize(13);
  doc.text(`Votre compte ${l.instanceName} est prêt. Il vous permettra de faire votre CV et de trouver un emploi près de chez vous.`);
  doc.moveDown(1);
  doc.font("Helvetica-Bold").text("Pour l'activer :");
  doc.moveDown(0.5).font("Helvetica");
  doc.text("1.  Allez sur cette adresse :");
  doc.font("Courier-Bold").fontSize(14).text(l.activationUrl, { indent: 24 });
  doc.moveDown(0.5).font("Helvetica").fontSize(13).text("2.  Tapez ce code :");
  doc.moveDown(0.5);
  const boxTop = doc.y;
  doc.roundedRect(64, boxTop, width, 72, 8).lineWidth(2).strokeColor("#0b3d6b").stroke();
  doc.font("Courier-Bold").fontSize(34).fillColor(text).text(l.code, 64, boxTop + 20, { width, align: "center", characterSpacing: 2 });
  doc.x = 64;
  doc.y = boxTop + 90;
  doc.font("Helvetica").fontSize(13).text("3.  Choisissez votre adresse e-mail et un mot de passe.");
  doc.moveDown(1);
  doc.text("Ce code marche une seule fois, jusqu'au ", { continued: true }).font("Helvetica-Bold").text(`${formatDate(l.expiresAt, instanceTimeZone())}.`);
  doc.font("Helvetica").moveDown(0.5);
  doc.text("Les lettres et les chiffres peuvent être tapés en minuscules ou en majuscules ; les tirets ne sont pas obligatoires.");
  doc.moveDown(0.5);
  doc.text("Gardez ce courrier pour vous : ce code ouvre votre compte. Si vous le perdez, votre conseiller peut vous en donner un nouveau.");
  doc.moveDown(1.5);
  doc.text(`Votre conseiller : ${l.adviserName}`);
  doc.moveDown(3).fontSize(9).fillColor("#555555").text(`Courrier imprimé le ${formatDate(new Date(), instanceTimeZone())}. Un nouveau courrier remplace les précédents : seul le dernier code marche.`);
  doc.end();
  return finished;
}

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Compte introuvable." });

/**
 * A new access-code letter for a pending beneficiary account. The code is never stored in
 * clear, so printing again means issuing a new code (the previous one stops working). Same
 * rule as reissueAccessCode: an admin, or an adviser who created the account or of its
 * territory; anyone else learns nothing (NOT_FOUND).
 */
export async function accessLetterPdf(
  db: Database,
  actor: SessionUser,
  userId: string,
  activationUrl: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  if (actor.role !== "adviser" && actor.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Réservé aux conseillers." });
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  const [person] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  const allowed =
    person?.role === "beneficiary" &&
    (actor.role === "admin" || person.createdBy === actor.id || (actor.territoryCode !== null && person.territoryCode === actor.territoryCode));
  if (!person || !allowed) throw notFound();
  if (person.status !== "pending") {
    throw new TRPCError({ code: "CONFLICT", message: "Ce compte n'attend plus d'activation : pas de courrier à imprimer." });
  }
  const issued = await reissueAccessCode(db, actor, userId);
  const config = loadInstanceConfig();
  const pdf = await renderAccessLetterPdf({
    instanceName: config.displayName,
    organisation: config.organisation,
    firstName: person.firstName,
    lastName: person.lastName,
    code: issued.code,
    activationUrl,
    expiresAt: issued.expiresAt,
    adviserName: `${actor.firstName} ${actor.lastName}`.trim(),
  });
  const fileName = `courrier-${person.firstName}-${person.lastName}`.normalize("NFD").replace(/[^A-Za-z0-9-]/g, "") || "courrier";
  return { pdf, fileName };
}
