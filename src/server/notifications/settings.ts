// The "Mes messages" page: each category of the person's persona with what they chose, the
// channels they can pick (SMS only with a phone number), and the checks of a change.
import { CATEGORIES, categoriesFor, type Category, type Channel, type Frequency } from "./categories";
import { FieldErrors } from "../lib/field-errors";
import type { Database } from "../db/client";
import { preferencesOf, reachOf, savePreference, type Preference } from "./preferences";

export type CategorySetting = Preference & {
  label: string;
  hint: string;
  /** the channels this person may tick for the category (SMS only with a phone number) */
  offered: Channel[];
  required: boolean;
};

export type MessageSettings = { categories: CategorySetting[]; hasPhone: boolean; hasEmail: boolean; pushDevices: number; emailFailing: boolean };

function offeredChannels(category: Category, hasPhone: boolean): Channel[] {
  return (CATEGORIES[category].allowed as readonly Channel[]).filter((c) => c !== "sms" || hasPhone);
}

export async function messageSettings(db: Database, user: { id: string; role: string }): Promise<MessageSettings> {
  const [prefs, reach] = await Promise.all([preferencesOf(db, user.id, user.role), reachOf(db, user.id)]);
  const hasPhone = Boolean(reach?.phone);
  return {
    hasPhone,
    hasEmail: Boolean(reach?.email),
    pushDevices: reach?.devices ?? 0,
    emailFailing: Boolean(reach?.failing),
    categories: prefs.map((p) => {
      const rule = CATEGORIES[p.category];
      return { ...p, label: rule.label, hint: rule.hint, offered: offeredChannels(p.category, hasPhone), required: "required" in rule && rule.required === true };
    }),
  };
}

/**
 * One category's new choice: only a category of the person's own persona, only channels the
 * category allows (SMS with a phone number), and a required category keeps its e-mail.
 */
export async function saveMyPreference(
  db: Database,
  user: { id: string; role: string },
  input: { category: Category; channels: Channel[]; frequency: Frequency },
): Promise<Preference> {
  if (!categoriesFor(user.role).includes(input.category)) {
    throw new FieldErrors({ category: ["Ces messages ne concernent pas votre compte."] });
  }
  const rule = CATEGORIES[input.category];
  const channels = [...new Set(input.channels)];
  const reach = await reachOf(db, user.id);
  const offered = offeredChannels(input.category, Boolean(reach?.phone));
  const refused = channels.filter((c) => !offered.includes(c));
  if (refused.length) {
    const sms = refused.includes("sms") && (rule.allowed as readonly Channel[]).includes("sms");
    throw new FieldErrors({
      channels: [sms ? "Pour recevoir des SMS, ajoutez d'abord votre numéro de téléphone à votre CV." : "Ce moyen n'est pas proposé pour ces messages."],
    });
  }
  if ("required" in rule && rule.required) {
    if (!channels.includes("email")) throw new FieldErrors({ channels: ["Ces messages protègent votre compte : l'e-mail ne peut pas être retiré."] });
    if (input.frequency !== "immediately") throw new FieldErrors({ frequency: ["Ces messages partent toujours tout de suite."] });
  }
  return savePreference(db, user.id, { category: input.category, channels, frequency: input.frequency });
}
