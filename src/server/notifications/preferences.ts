import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { CATEGORIES, categoriesFor, type Category, type Channel, type Frequency } from "./categories";
import { notificationPreferences, pushSubscriptions } from "./schema";

export type Preference = { category: Category; channels: Channel[]; frequency: Frequency };

/** The persona's default for a category. */
export function defaultPreference(category: Category): Preference {
  const rule = CATEGORIES[category];
  return { category, channels: [...rule.channels], frequency: rule.frequency };
}

/**
 * What a person chose for one category, or the default; channels the category does not allow
 * are dropped, and a required category (the account's safety) always reaches them by e-mail.
 */
export function effectivePreference(category: Category, stored: { channels: string[]; frequency: string } | undefined): Preference {
  const rule = CATEGORIES[category];
  const base = stored ? { category, channels: stored.channels as Channel[], frequency: stored.frequency as Frequency } : defaultPreference(category);
  const channels = base.channels.filter((c) => (rule.allowed as readonly Channel[]).includes(c));
  if ("required" in rule && rule.required) {
    return { category, channels: channels.includes("email") ? channels : ["email", ...channels], frequency: "immediately" };
  }
  return { category, channels, frequency: base.frequency };
}

/** Every category of the person's persona with what applies now. */
export async function preferencesOf(db: Database, userId: string, role: string): Promise<Preference[]> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return categoriesFor(role).map((c) => effectivePreference(c, byCategory.get(c)));
}

/** The preferences of several people for one category, for the code that tells them. */
export async function preferencesFor(db: Database, userIds: string[], category: Category): Promise<Map<string, Preference>> {
  const out = new Map<string, Preference>();
  if (!userIds.length) return out;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.category, category)));
  const stored = new Map(rows.map((r) => [r.userId, r]));
  for (const id of userIds) out.set(id, effectivePreference(category, stored.get(id)));
  return out;
}

/** Saves one category's choice (the caller checked the category belongs to the person's persona). */
export async function savePreference(db: Database, userId: string, pref: Preference): Promise<Preference> {
  const clean = effectivePreference(pref.category, pref);
  await db
    .insert(notificationPreferences)
    .values({ userId, category: pref.category, channels: clean.channels, frequency: clean.frequency })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { channels: clean.channels, frequency: clean.frequency, updatedAt: sql`now()` },
    });
  return clean;
}

/** A one-click unsubscribe: the category stops e-mailing (and texting) the person; the app still shows it. */
export async function stopEmails(db: Database, userId: string, category: Category): Promise<void> {
  const [current] = await preferencesFor(db, [userId], category).then((m) => [...m.values()]);
  const channels = current!.channels.filter((c) => c !== "email" && c !== "sms");
  await savePreference(db, userId, { category, channels, frequency: current!.frequency });
}

/**
 * The ways a person can be reached now, as advisers see them (not change them): their e-mail
 * (and whether the relay refuses it), their phone for SMS, how many devices accept push.
 */
export async function reachOf(db: Database, userId: string) {
  const [row] = await queryRows<{ email: string | null; failing: string | null; phone: string | null; devices: number }>(
    db,
    sql`select u.email, f.error as failing, p.phone,
        (select count(*)::int from push_subscriptions s where s.user_id = u.id) as devices
      from users u
      left join failing_addresses f on f.address = lower(u.email)
      left join beneficiary_profiles p on p.user_id = u.id
      where u.id = ${userId}::uuid`,
  );
  return row ?? null;
}

export async function pushDevices(db: Database, userId: string): Promise<number> {
  const rows = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return rows.length;
}
