// Client-safe: what people can be told about, by persona, with the defaults each persona starts
// with and the words of the settings page.

export const CHANNELS = ["email", "sms", "push"] as const;
export type Channel = (typeof CHANNELS)[number];

export const FREQUENCIES = ["immediately", "daily", "weekly", "never"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export type Persona = "beneficiary" | "organisation" | "adviser";

type CategoryRule = {
  persona: Persona;
  /** the settings page's words */
  label: string;
  hint: string;
  channels: readonly Channel[];
  frequency: Frequency;
  /** the channels this category may use at all (SMS costs money: only what is urgent for people) */
  allowed: readonly Channel[];
  /** cannot be turned off (the account's safety: it will be hidden or erased) */
  required?: true;
};

export const CATEGORIES = {
  contact_request: {
    persona: "beneficiary",
    label: "Un employeur veut vous rencontrer",
    hint: "Quand une entreprise ou un organisme demande à vous contacter.",
    channels: ["email", "sms", "push"],
    frequency: "immediately",
    allowed: ["email", "sms", "push"],
  },
  proposal: {
    persona: "beneficiary",
    label: "Une offre de votre conseiller",
    hint: "Quand votre conseiller vous propose une offre.",
    channels: ["email", "sms", "push"],
    frequency: "immediately",
    allowed: ["email", "sms", "push"],
  },
  application_update: {
    persona: "beneficiary",
    label: "Réponses à vos candidatures",
    hint: "Candidature lue, refusée ou embauche ; inscription en formation acceptée ou refusée.",
    channels: ["email", "push"],
    frequency: "immediately",
    allowed: ["email", "sms", "push"],
  },
  job_alert: {
    persona: "beneficiary",
    label: "Nouvelles offres près de chez vous",
    hint: "Les offres et formations qui vous vont, publiées depuis le dernier message.",
    channels: ["email"],
    frequency: "weekly",
    allowed: ["email", "push"],
  },
  account: {
    persona: "beneficiary",
    label: "Votre compte",
    hint: "Votre profil va être masqué ou effacé faute de visite. Ces messages ne peuvent pas être coupés.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "sms", "push"],
    required: true,
  },
  new_application: {
    persona: "organisation",
    label: "Nouvelles candidatures",
    hint: "Quand quelqu'un postule à une offre ou s'inscrit à une formation.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "push"],
  },
  contact_answer: {
    persona: "organisation",
    label: "Réponses des candidats",
    hint: "Quand un candidat accepte ou refuse d'être contacté.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "push"],
  },
  application_reminder: {
    persona: "organisation",
    label: "Candidatures sans réponse",
    hint: "Un rappel à 7 jours puis à 15 jours, et quand une offre va expirer.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "push"],
  },
  hire_check_in: {
    persona: "organisation",
    label: "Nouvelles de vos embauches",
    hint: "À 1, 3 et 6 mois : la personne est-elle toujours chez vous ? Un clic suffit.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email"],
  },
  caseload_activity: {
    persona: "adviser",
    label: "Candidatures et embauches de vos personnes",
    hint: "Ce que font les personnes que vous suivez.",
    channels: ["email"],
    frequency: "daily",
    allowed: ["email", "push"],
  },
  caseload_alert: {
    persona: "adviser",
    label: "Points d'attention",
    hint: "Candidatures restées 15 jours sans réponse, e-mails qui n'arrivent plus, embauches à prendre en suivi, réponses des employeurs.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "push"],
  },
  follow_up: {
    persona: "adviser",
    label: "Points de suivi à faire",
    hint: "Quand un point de suivi à 1, 3 ou 6 mois arrive.",
    channels: ["email"],
    frequency: "immediately",
    allowed: ["email", "push"],
  },
} as const satisfies Record<string, CategoryRule>;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as Category[];

export const CHANNEL_LABELS: Record<Channel, string> = { email: "E-mail", sms: "SMS", push: "Notification sur ce téléphone" };
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  immediately: "Tout de suite",
  daily: "Une fois par jour",
  weekly: "Une fois par semaine",
  never: "Jamais (seulement dans l'application)",
};

export function categoryRule(category: Category): CategoryRule {
  return CATEGORIES[category];
}

export function personaOfRole(role: string): Persona {
  if (role === "beneficiary") return "beneficiary";
  if (role === "employer" || role === "training_org") return "organisation";
  return "adviser";
}

export function categoriesFor(role: string): Category[] {
  const persona = personaOfRole(role);
  return CATEGORY_NAMES.filter((c) => CATEGORIES[c].persona === persona);
}

export function isCategory(value: string): value is Category {
  return Object.hasOwn(CATEGORIES, value);
}
