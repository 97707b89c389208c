// `privacy purge [--date D] [--json]`: the retention schedule (src/server/privacy/retention.ts).
import type { Database } from "../server/db/client";
import type { IsoDate } from "../lib/dates";
import { runRetention } from "../server/privacy/retention";

export async function privacyPurge(
  db: Database,
  today: IsoDate,
  options: Record<string, string | true>,
  out: (s: string) => void,
  log: (s: string) => void,
): Promise<void> {
  // a date given on the command line stamps the warnings at noon that day (replays, tests)
  const r = await runRetention(db, { today, now: options.date ? new Date(`${today}T12:00:00Z`) : new Date() });
  if (options.json) {
    out(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  log(
    `Conservation au ${today} (effacement après ${r.inactiveMonths} mois sans activité) : ${r.warned} personne(s) prévenue(s), ` +
      `${r.erased} effacée(s), ${r.outboxDeleted} e-mail(s) de plus de 30 jours retiré(s) de la boîte d'envoi.`,
  );
}
