import { BODY, BOLD, createPdf } from "../lib/pdf";
import { SHIFT_LABELS } from "../geo/shifts";
import { DRIVING_LICENCE_DOCUMENT, TRAVEL_MODE_WORDS } from "./labels";
import type { profileView } from "./router";
import { formatPhoneForPeople } from "../../lib/phone";

type View = NonNullable<Awaited<ReturnType<typeof profileView>>["profile"]>;

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The CV as a one- or two-page A4 PDF, plain and readable, ready to print or send. */
export function renderCvPdf(p: View, instanceName: string): Promise<Buffer> {
  const { doc, finished } = createPdf({
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `CV de ${p.firstName} ${p.lastName}`.trim(), Creator: instanceName },
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor("#0b3d6b").text(text);
    doc.moveDown(0.2).font(BODY).fontSize(11).fillColor("#1a1a1a");
  };
  const bullet = (text: string) => doc.text(`•  ${text}`, { indent: 6 });

  doc.font(BOLD).fontSize(22).fillColor("#1a1a1a").text(`${p.firstName} ${p.lastName}`.trim() || "Mon CV");
  const contact = [p.commune?.name, p.email, p.phone ? formatPhoneForPeople(p.phone) : null].filter(Boolean).join("  ·  ");
  if (contact) doc.font(BODY).fontSize(11).fillColor("#444444").text(contact);

  const sought = p.jobs.filter((j) => j.kind === "sought");
  if (sought.length) {
    heading("Métiers recherchés");
    sought.forEach((j) => bullet(j.label));
  }
  const done = p.jobs.filter((j) => j.kind === "done");
  if (done.length) {
    heading("Expérience");
    done.forEach((j) => bullet(j.years ? `${j.label} — ${j.years < 1 ? "moins d'un an" : `${j.years} an${j.years >= 2 ? "s" : ""}`}` : j.label));
  }
  const skills = p.skills.filter((s) => s.kind !== "soft_skill" && s.kind !== "knowledge");
  if (skills.length) {
    heading("Compétences");
    skills.forEach((s) => bullet(s.label));
  }
  const soft = p.skills.filter((s) => s.kind === "soft_skill");
  if (soft.length) {
    heading("Qualités");
    soft.forEach((s) => bullet(s.label));
  }
  if (p.formations.length) {
    heading("Formations et diplômes");
    p.formations.forEach((f) => bullet(f.year ? `${f.title} (${f.year})` : f.title));
  }
  heading("Mobilité et disponibilités");
  const modes = p.travelModes.map((m) => TRAVEL_MODE_WORDS[m] ?? m).join(", ");
  bullet(`Je peux me déplacer jusqu'à ${Math.round(p.maxDistanceKm)} km${modes ? ` (${modes})` : ""}.`);
  bullet(`${DRIVING_LICENCE_DOCUMENT[p.drivingLicence] ?? p.drivingLicence}${p.hasVehicle ? ", véhicule personnel" : ""}.`);
  bullet(p.availableFrom ? `Disponible à partir du ${frenchDate(p.availableFrom)}.` : "Disponible tout de suite.");
  const when = p.shifts.map((s) => SHIFT_LABELS[s]).join(", ");
  if (when || p.fullTime !== null) {
    bullet(`${p.fullTime === null ? "Temps plein ou partiel" : p.fullTime ? "Temps plein" : "Temps partiel"}${when ? `, ${when}` : ""}.`);
  }
  if (p.about) {
    heading("Quelques mots sur moi");
    doc.text(p.about);
  }
  doc.moveDown(2).fontSize(8).fillColor("#666666").text(`CV créé avec ${instanceName}.`);
  doc.end();
  return finished;
}
