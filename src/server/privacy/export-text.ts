// The personal-data export in plain French, as sections of short lines: the printable page
// (/beneficiaire/mes-donnees/tout) and its PDF (/api/mes-donnees/pdf) both render these, so
// they always say the same thing.

import { formatDate, formatLongDateTime } from "../../lib/dates";
import { instanceTimeZone } from "../config/time-zone";
import { DRIVING_LICENCE_DOCUMENT_INLINE, TRAVEL_MODE_WORDS, type DrivingLicence, type TravelMode } from "../profiles/labels";
import type { AccessEvent, PersonalDataExport } from "./export";
import { formatPhoneForPeople } from "../../lib/phone";

export type ExportEntry = { heading?: string; lines: string[] };
export type ExportSection = { id: string; title: string; intro?: string; entries: ExportEntry[]; empty: string };

/** "12 mars 2026", in the instance's time zone */
const day = (value: Date | string | null | undefined) => formatDate(value, instanceTimeZone());
/** "12 mars 2026 à 14:05", in the instance's time zone */
const dayTime = (value: Date | string | null | undefined) => formatLongDateTime(value, instanceTimeZone());

const ACCOUNT_STATUS = { active: "actif", pending: "en attente d'activation", disabled: "désactivé" } as const;
const APPLICATION = { sent: "envoyée", seen: "lue par l'employeur", interview: "entretien proposé", hired: "embauche", declined: "non retenue", withdrawn: "retirée" } as const;
const PROPOSAL = { pending: "en attente de votre réponse", accepted: "acceptée", declined: "refusée" } as const;
const CHECK_IN = { pending: "à faire", in_post: "toujours en poste", ended: "emploi terminé", unreachable: "personne injoignable", cancelled: "annulé" } as const;
const PLACEMENT = { active: "en cours", ended: "terminé" } as const;

const yesNo = (b: boolean | null | undefined) => (b ? "oui" : "non");

function who(w: AccessEvent["who"]): string {
  switch (w.kind) {
    case "self":
      return "Vous";
    case "system":
      return "Le site, automatiquement";
    case "gone":
      return "Un compte qui n'existe plus";
    case "user": {
      const org = w.organisation ? ` (${w.organisation})` : "";
      return `${w.roleLabel} : ${w.name || "sans nom"}${org}`;
    }
  }
}

/** The whole export as plain-French sections, in the order a person reads them. */
export function exportSections(data: PersonalDataExport): ExportSection[] {
  const a = data.account;
  const p = data.profile;
  const sections: ExportSection[] = [];

  sections.push({
    id: "compte",
    title: "Votre compte",
    empty: "",
    entries: [
      {
        lines: [
          `Nom : ${`${a.firstName} ${a.lastName}`.trim() || "—"}`,
          `E-mail : ${a.email ?? "aucun"}`,
          `Compte ${ACCOUNT_STATUS[a.status] ?? a.status}, créé le ${day(a.createdAt)}`,
          `Dernière connexion : ${a.lastSignInAt ? dayTime(a.lastSignInAt) : "jamais"}`,
          `Numéro de compte : ${a.id}`,
        ],
      },
    ],
  });

  const cv: ExportEntry[] = [];
  if (p) {
    cv.push({
      heading: "Vous",
      lines: [
        `Nom : ${`${p.firstName} ${p.lastName}`.trim() || "—"}`,
        `E-mail : ${p.email ?? "aucun"} — Téléphone : ${p.phone ? formatPhoneForPeople(p.phone) : "aucun"}`,
        `Commune : ${p.commune?.name ?? p.communeInsee}${p.preciseLocation ? " (avec une adresse précise)" : ""}`,
        ...(p.externalId ? [`Numéro de dossier du département : ${p.externalId}`] : []),
        `Conseiller ou conseillère : ${p.adviserName ?? "aucun pour l'instant"}`,
        `Numéro de CV : ${p.id}`,
      ],
    });
    cv.push({
      heading: "Déplacements et disponibilités",
      lines: [
        `Jusqu'à ${p.maxDistanceKm} km, ${p.travelModes.map((m) => TRAVEL_MODE_WORDS[m as TravelMode] ?? m).join(", ") || "moyen non indiqué"}`,
        `${DRIVING_LICENCE_DOCUMENT_INLINE[p.drivingLicence as DrivingLicence] ?? p.drivingLicence}, véhicule : ${yesNo(p.hasVehicle)}`,
        `Disponible à partir du : ${p.availableFrom ? day(p.availableFrom) : "non indiqué"}`,
        `Cherche un emploi : ${yesNo(p.seeking)} — Visible des entreprises : ${yesNo(p.visibleToEmployers)}${p.visibilityConsentAt ? ` (accord donné le ${day(p.visibilityConsentAt)})` : ""}`,
      ],
    });
    const sought = p.jobs.filter((j) => j.kind === "sought");
    const done = p.jobs.filter((j) => j.kind === "done");
    cv.push({ heading: "Métiers cherchés", lines: sought.length ? sought.map((j) => j.label) : ["aucun"] });
    if (done.length) cv.push({ heading: "Expérience", lines: done.map((j) => (j.years ? `${j.label} (${j.years} an${j.years >= 2 ? "s" : ""})` : j.label)) });
    if (p.skills.length) cv.push({ heading: "Compétences", lines: p.skills.map((s) => s.label) });
    if (p.formations?.length) cv.push({ heading: "Formations", lines: p.formations.map((f) => `${f.title}${f.year ? ` (${f.year})` : ""}`) });
    if (p.about) cv.push({ heading: "Quelques mots sur vous", lines: [p.about] });
    cv.push({ lines: [`CV créé le ${day(p.createdAt)}, modifié le ${day(p.updatedAt)}`] });
  }
  sections.push({ id: "cv", title: "Votre CV", entries: cv, empty: "Vous n'avez pas de CV." });

  sections.push({
    id: "candidatures",
    title: "Vos candidatures",
    empty: "Aucune candidature.",
    entries: data.applications.map((x) => ({
      heading: x.offer ? `${x.offer.title} — ${x.offer.employerName}` : (x.formation?.title ?? "Une offre qui n'existe plus"),
      lines: [
        `Envoyée le ${day(x.createdAt)} — ${APPLICATION[x.status] ?? x.status}`,
        ...(x.statusReason ? [`Réponse : ${x.statusReason}`] : []),
        ...(x.message ? [`Votre message : ${x.message}`] : []),
      ],
    })),
  });

  sections.push({
    id: "propositions",
    title: "Les offres qu'on vous a proposées",
    empty: "Aucune proposition.",
    entries: data.proposals.map((x) => ({
      heading: x.offer ? `${x.offer.title} — ${x.offer.employerName}` : "Une offre qui n'existe plus",
      lines: [
        `${x.fromKind === "adviser" ? "Proposée par votre conseiller" : "Demande de contact de l'entreprise"} le ${day(x.createdAt)} — ${PROPOSAL[x.status] ?? x.status}`,
        ...(x.message ? [`Message : ${x.message}`] : []),
      ],
    })),
  });

  sections.push({
    id: "emplois",
    title: "Vos emplois et leur suivi",
    empty: "Aucun emploi enregistré.",
    entries: data.placements.map((x) => ({
      heading: `${x.jobTitle}${x.employerName ? ` chez ${x.employerName}` : ""}`,
      lines: [
        `Début le ${day(x.startsOn)} — ${PLACEMENT[x.status] ?? x.status}${x.endedOn ? `, fin le ${day(x.endedOn)}` : ""}`,
        ...x.checkIns.map(
          (c) =>
            `Suivi à ${c.monthsAfter} mois (prévu le ${day(c.dueOn)}) : ${CHECK_IN[c.status as keyof typeof CHECK_IN] ?? c.status}${c.note ? ` — note : ${c.note}` : ""}`,
        ),
      ],
    })),
  });

  sections.push({
    id: "notes",
    title: "Les notes de votre conseiller",
    intro: "Les entreprises ne voient jamais ces notes.",
    empty: "Aucune note.",
    entries: data.adviserNotes.map((n) => ({ heading: `${n.author}, le ${dayTime(n.at)}`, lines: [n.body] })),
  });

  sections.push({
    id: "notifications",
    title: "Vos notifications",
    empty: "Aucune notification.",
    entries: data.notifications.map((n) => ({ heading: dayTime(n.at), lines: [n.title, ...(n.body ? [n.body] : []), n.readAt ? "Lue" : "Pas encore lue"] })),
  });

  sections.push({
    id: "e-mails",
    title: "Les e-mails que nous vous avons écrits",
    intro: "Nous les effaçons 30 jours après l'envoi.",
    empty: "Aucun e-mail.",
    entries: data.emails.map((m) => ({ lines: [`${dayTime(m.at)} : ${m.subject}${m.sentAt ? "" : " (pas encore envoyé)"}`] })),
  });

  sections.push({
    id: "messages",
    title: "Vos SMS, notifications et réglages",
    intro: "Comment vous avez choisi d'être prévenu, et les SMS et notifications que nous vous avons envoyés.",
    empty: "Aucun message.",
    entries: [
      ...data.messagePreferences.map((p) => ({ heading: p.category, lines: [`${p.channels.length ? p.channels.join(", ") : "Seulement dans l'application"} — ${p.frequency}`] })),
      ...(data.pushDevices.length ? [{ lines: [`Notifications acceptées sur ${data.pushDevices.length} téléphone(s) ou ordinateur(s).`] }] : []),
      ...data.messages.map((m) => ({ lines: [`${dayTime(m.at)} : ${m.channel === "sms" ? "SMS" : "notification"} — ${m.title}${m.sentAt ? "" : " (pas encore envoyé)"}`] })),
      ...data.alerts.map((a) => ({ lines: [`${dayTime(a.at)} : alerte — ${a.title ?? (a.kind === "offer" ? "une offre retirée depuis" : "une formation retirée depuis")}${a.opened ? " (ouverte)" : ""}`] })),
    ],
  });

  sections.push({
    id: "journal",
    title: "Qui a vu ou modifié vos données, et quand",
    intro: "Chaque fois qu'une personne de l'équipe ou une entreprise ouvre votre dossier ou change quelque chose, nous le notons ici.",
    empty: "Rien pour l'instant.",
    entries: data.accountHistory.map((e) => ({ lines: [`${dayTime(e.at)} — ${e.label} — ${who(e.who)}`] })),
  });

  return sections;
}
