// The privacy job (scheduled by src/server/jobs/boss.ts, every PRIVACY_JOB_HOURS, daily at
// 03:00 by default): the retention schedule of src/server/privacy/retention.ts — warn, then
// erase, inactive profiles; drop outbox e-mails older than 30 days. Same as `npm run cli --
// privacy purge`. Each profile is locked and re-decided in its own transaction, so nobody is
// warned twice.

import { getDb } from "../db";
import { runRetention } from "../privacy/retention";

/** One run of the retention schedule for today (in the instance's time zone). */
export async function runPrivacyJobOnce(log: (msg: string) => void = (m) => console.log(m)): Promise<void> {
  const r = await runRetention(await getDb());
  if (r.warned + r.erased + r.outboxDeleted > 0) {
    log(`[données] ${r.warned} personne(s) prévenue(s), ${r.erased} effacée(s) pour inactivité, ${r.outboxDeleted} e-mail(s) ancien(s) retiré(s).`);
  }
}
