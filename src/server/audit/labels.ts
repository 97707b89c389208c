// French names of the audit trail's actions and subjects (unknown codes are shown as they are).

export const ACTION_LABELS: Record<string, string> = {
  "account.access_code_reissued": "Nouveau code d'activation",
  "account.activate": "Activation d'un compte",
  "account.create": "Création d'un compte",
  "account.disable": "Compte désactivé",
  "account.enable": "Compte réactivé",
  "account.erased": "Effacement d'un compte",
  "account.password_reset_requested": "Nouveau mot de passe demandé par e-mail",
  "account.set_role": "Changement de rôle",
  "account.set_territory": "Changement de territoire d'un compte",
  "account.sign_up": "Inscription",
  "application.decline": "Candidature déclinée",
  "application.hire": "Candidature retenue (embauche)",
  "candidate.view_identity": "Identité d'un candidat consultée",
  "checkin.record": "Point de suivi enregistré",
  "formation.application_answer": "Réponse à une candidature en formation",
  "formation.close": "Formation fermée",
  "formation.create": "Formation créée",
  "formation.publish": "Formation publiée",
  "formation.update": "Formation modifiée",
  "import.run": "Import d'un fichier",
  "instance.update": "Réglages de l'instance modifiés",
  "offer.close": "Offre fermée",
  "offer.create": "Offre créée",
  "offer.duplicate": "Offre dupliquée",
  "offer.fill": "Offre pourvue",
  "offer.pause": "Offre mise en pause",
  "offer.publish": "Offre publiée",
  "offer.resume": "Offre remise en ligne",
  "offer.update": "Offre modifiée",
  "organisation.member_add": "Membre ajouté à une structure",
  "organisation.member_remove": "Membre retiré d'une structure",
  "organisation.register": "Structure inscrite",
  "organisation.update": "Structure modifiée",
  "placement.create": "Embauche enregistrée",
  "profile.assign": "Personne attribuée à un conseiller",
  "profile.edit": "Dossier modifié par la personne",
  "profile.edit_by_adviser": "Dossier modifié par un conseiller",
  "profile.file_open": "Dossier d'une personne consulté",
  "profile.take": "Personne prise en charge",
  "proposal.create": "Offre proposée à une personne",
};

/** The action families of the filter (the part before the dot). */
export const PREFIX_LABELS: Record<string, string> = {
  account: "Comptes",
  application: "Candidatures",
  candidate: "Candidats",
  checkin: "Points de suivi",
  formation: "Formations",
  import: "Imports",
  instance: "Instance",
  offer: "Offres",
  organisation: "Structures",
  placement: "Embauches",
  profile: "Dossiers des personnes",
  proposal: "Propositions",
};

export const SUBJECT_LABELS: Record<string, string> = {
  application: "Candidature",
  check_in: "Point de suivi",
  employer: "Structure",
  formation: "Formation",
  import: "Import",
  instance: "Instance",
  offer: "Offre",
  placement: "Embauche",
  profile: "Personne",
  proposal: "Proposition",
  user: "Compte",
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
export const prefixLabel = (prefix: string) => PREFIX_LABELS[prefix] ?? prefix;
export const subjectLabel = (type: string) => SUBJECT_LABELS[type] ?? type;
