// Spreads the demo's dates over the last twelve months, so that the département's dashboard
// shows months that look like a real year (registrations, CVs, offers published and filled)
// instead of everything on the day the seed ran. Deterministic (a hash of the demo ids), so a
// second run writes the same dates; touches only the demo's own rows (DEMO-P-…, DEMO-O-…).
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";

/** Days back from `today` (0..364) for a demo id, stable from run to run. */
const daysBack = (col: string) => sql.raw(`(abs(hashtext(${col})) % 365)`);

export async function spreadDemoDates(db: Database, today: string): Promise<void> {
  const zone = instanceTimeZone();
  // sign-ups between 9:00 and 17:00 in the instance's time zone, on one of the last 365 days
  await db.execute(sql`
    update beneficiary_profiles p
    set created_at = ((${today}::date - ${daysBack("p.external_id")})::timestamp + (9 + abs(hashtext(p.external_id || 'h')) % 8) * interval '1 hour')
      at time zone ${zone}::text
    where p.external_id like 'DEMO-P-%'`);
  // published (all but drafts) on one of the last 365 days; the filled ones filled 1 to 6 weeks later (never after today)
  await db.execute(sql`
    update offers o
    set published_at = ((${today}::date - ${daysBack("o.external_id")})::timestamp + interval '10 hours') at time zone ${zone}::text
    where o.external_id like 'DEMO-O-%' and o.status <> 'draft'`);
  await db.execute(sql`
    update offers o
    set filled_at = least((${today}::date + 1)::timestamp at time zone ${zone}::text - interval '1 second', o.published_at + (7 + abs(hashtext(o.external_id || 'f')) % 35) * interval '1 day')
    where o.external_id like 'DEMO-O-%' and o.status = 'filled' and o.published_at is not null`);
}
