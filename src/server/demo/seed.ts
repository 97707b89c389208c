import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { users, type Role } from "../auth/schema";
import type { InstanceConfig } from "../instance/config";
import { seededRandom } from "../lib/random";

/** Every demo account shares this password; the demo prints it. Never used outside the demo. */
export const DEMO_PASSWORD = "Demo2026!emploi";
export const DEMO_DOMAIN = "demo.emploi41.fr";

const FIRST_NAMES = ["Camille", "Lucas", "Léa", "Nathan", "Chloé", "Mohamed", "Inès", "Hugo", "Manon", "Yanis",
  "Sarah", "Thomas", "Emma", "Kevin", "Julie", "Karim", "Sophie", "Maxime", "Aïcha", "Nicolas", "Laura", "Bruno",
  "Nadia", "Sébastien", "Océane", "Didier", "Fatou", "Jérôme", "Amandine", "Rémi"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
  "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Benali", "Diallo", "Nguyen"];

export type DemoAccount = { role: Role; email: string; name: string; territory?: string };
export type DemoReport = { accounts: DemoAccount[]; created: number; existing: number };

/**
 * The demo dataset of the instance, deterministic: accounts of every role for now (one
 * adviser per territory, an admin, employers, training organisations, beneficiaries).
 * Re-running it leaves existing demo accounts as they are.
 */
export async function seedDemo(db: Database, config: InstanceConfig): Promise<DemoReport> {
  const rnd = seededRandom(41);
  const person = () => ({ firstName: rnd.pick(FIRST_NAMES), lastName: rnd.pick(LAST_NAMES) });
  const accounts: Array<DemoAccount & { firstName: string; lastName: string }> = [];
  const add = (role: Role, local: string, names: { firstName: string; lastName: string }, territory?: string) =>
    accounts.push({ role, email: `${local}@${DEMO_DOMAIN}`, name: `${names.firstName} ${names.lastName}`, territory, ...names });

  add("admin", "admin", { firstName: "Agnès", lastName: "Administratrice" });
  for (const t of config.territories) add("adviser", `conseiller.${t.code}`, person(), t.code);
  for (let i = 1; i <= 5; i++) add("employer", `employeur${i}`, person());
  for (let i = 1; i <= 2; i++) add("training_org", `organisme${i}`, person());
  for (let i = 1; i <= 20; i++) add("beneficiary", `beneficiaire${i}`, person(), config.territories[(i - 1) % config.territories.length]!.code);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const a of accounts) {
      const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.email)).limit(1);
      if (existing.length) continue;
      const [u] = await tx
        .insert(users)
        .values({
          email: a.email,
          passwordHash,
          role: a.role,
          firstName: a.firstName,
          lastName: a.lastName,
          territoryCode: a.territory ?? null,
          status: "active",
        })
        .returning({ id: users.id });
      await recordAudit(tx as unknown as Database, {
        actorId: null,
        action: "account.create",
        subjectType: "user",
        subjectId: u!.id,
        details: { role: a.role, demo: true },
      });
      created++;
    }
  });
  return {
    accounts: accounts.map(({ role, email, name, territory }) => ({ role, email, name, territory })),
    created,
    existing: accounts.length - created,
  };
}
