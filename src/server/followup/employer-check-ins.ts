// "X est-il toujours chez vous ?": at each 1/3/6-month check-in of a hire made through an
// offer, each recruiter of the company gets a one-click link that works without signing in.
// The token is random (only its sha-256 is stored), lasts 30 days and records one answer per
// check-in (any recruiter's first). Opening the link (GET) only shows the choices: link
// scanners open links, only the form's POST records. The answer sits beside the adviser's
// check-in; the adviser's counts for the figures when both exist.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { instanceTimeZone } from "../config/time-zone";
import { addDays, formatDate, isIsoDate, todayIn, type IsoDate } from "../../lib/dates";
import { tell } from "../notifications/tell";
import { recruiterIds } from "../organisations/contacts";
import { employerCheckIns, EMPLOYER_CHECK_IN_ANSWERS, type EmployerCheckInAnswer } from "./schema";

export const CHECK_IN_LINK_DAYS = 30;
export const checkInLink = (token: string) => `/suivi-embauche/${token}`;

/** Only the hash of a token is kept: a copy of the database opens no link. */
export function hashCheckInToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as links carry it (base64url of 32 random bytes); anything else is unknown. */
export const isCheckInTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * Sends the check-in links falling due on or before `today` (within the last 30 days: older
 * ones are the adviser's alone) to each active recruiter of the hiring company, once.
 */
export async function sendEmployerCheckIns(db: Database, opts: { today?: IsoDate; now?: Date } = {}): Promise<{ checkIns: number; links: number }> {
  const now = opts.now ?? new Date();
  const today = opts.today ?? todayIn(instanceTimeZone(), now);
  const due = await queryRows<{
    id: string;
    months_after: number;
    employer_id: string;
    first_name: string;
    last_name: string;
    job_title: string;
    starts_on: string;
    profile_id: string;
  }>(
    db,
    sql`select c.id, c.months_after::int as months_after, pl.employer_id, p.first_name, p.last_name, pl.job_title,
        pl.starts_on::text as starts_on, p.id as profile_id
      from check_ins c
      join placements pl on pl.id = c.placement_id and pl.status = 'active' and pl.employer_id is not null
      join beneficiary_profiles p on p.id = pl.profile_id
      where c.status = 'pending' and c.due_on <= ${today}::date and c.due_on > ${addDays(today, -CHECK_IN_LINK_DAYS)}::date
        and not exists (select 1 from employer_check_ins ec where ec.check_in_id = c.id)
      order by c.due_on, c.id`,
  );
  let links = 0;
  for (const c of due) {
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const who = `${c.first_name} ${c.last_name}`.trim();
      for (const userId of await recruiterIds(tx, String(c.employer_id))) {
        const token = randomBytes(32).toString("base64url");
        const [row] = await tx
          .insert(employerCheckIns)
          .values({ checkInId: String(c.id), userId, tokenHash: hashCheckInToken(token), expiresAt: new Date(now.getTime() + CHECK_IN_LINK_DAYS * 86_400_000), createdAt: now })
          .onConflictDoNothing()
          .returning({ id: employerCheckIns.id });
        if (!row) continue; // another runner sent this one
        links += await tell(
          tx,
          [
            {
              userId,
              category: "hire_check_in",
              eventKey: `hire-check-in:${c.id}`,
              title: `${who} est-il toujours chez vous ?`,
              body: `Vous avez embauché ${who} (${c.job_title}) le ${formatDate(c.starts_on, instanceTimeZone())}. Un clic suffit pour nous dire s'il ou elle est toujours là, ${c.months_after} mois après : son conseiller pourra mieux l'accompagner. Le lien marche sans vous connecter, pendant ${CHECK_IN_LINK_DAYS} jours.`,
              link: checkInLink(token),
              aboutProfileId: String(c.profile_id),
              kind: "hire_check_in",
            },
          ],
          now,
        );
      }
    });
  }
  return { checkIns: due.length, links };
}

export type CheckInLinkView =
  | { state: "unknown" }
  | { state: "expired"; personName: string }
  | {
      state: "open" | "answered";
      personName: string;
      jobTitle: string;
      employerName: string | null;
      monthsAfter: number;
      startsOn: IsoDate;
      answer: EmployerCheckInAnswer | null;
      leftOn: IsoDate | null;
      answeredAt: Date | null;
    };

type LinkRow = {
  id: string;
  check_in_id: string;
  user_id: string;
  expires_at: string | Date;
  first_name: string;
  last_name: string;
  job_title: string;
  employer_name: string | null;
  months_after: number;
  starts_on: string;
  placement_id: string;
  profile_id: string;
  adviser_id: string | null;
  // the check-in's answer, whoever of the company gave it
  answer: EmployerCheckInAnswer | null;
  left_on: string | null;
  answered_at: string | Date | null;
};

async function linkRow(db: Database, token: string, lock: boolean): Promise<LinkRow | null> {
  if (!isCheckInTokenShape(token)) return null;
  if (lock) {
    // two recruiters answering at once: the second waits here, then reads the first's answer
    // (the next statement takes a fresh snapshot)
    await queryRows(
      db,
      sql`select c.id from check_ins c join employer_check_ins ec on ec.check_in_id = c.id
        where ec.token_hash = ${hashCheckInToken(token)} for update of c`,
    );
  }
  const [row] = await queryRows<LinkRow>(
    db,
    sql`select ec.id, ec.check_in_id, ec.user_id, ec.expires_at, p.first_name, p.last_name, pl.job_title, e.name as employer_name,
        c.months_after::int as months_after, pl.starts_on::text as starts_on, pl.id as placement_id, p.id as profile_id,
        adv.id as adviser_id, ans.answer, ans.left_on::text as left_on, ans.answered_at
      from employer_check_ins ec
      join check_ins c on c.id = ec.check_in_id
      join placements pl on pl.id = c.placement_id
      join beneficiary_profiles p on p.id = pl.profile_id
      left join employers e on e.id = pl.employer_id
      left join users adv on adv.id = coalesce(p.adviser_id, pl.adviser_id) and adv.status = 'active'
      left join lateral (
        select a.answer, a.left_on, a.answered_at from employer_check_ins a
        where a.check_in_id = ec.check_in_id and a.answer is not null order by a.answered_at limit 1
      ) ans on true
      where ec.token_hash = ${hashCheckInToken(token)}`,
  );
  return row ?? null;
}

function viewOf(row: LinkRow | null, now: Date): CheckInLinkView {
  if (!row) return { state: "unknown" };
  const personName = `${row.first_name} ${row.last_name}`.trim();
  if (!row.answer && new Date(row.expires_at) <= now) return { state: "expired", personName };
  return {
    state: row.answer ? "answered" : "open",
    personName,
    jobTitle: row.job_title,
    employerName: row.employer_name,
    monthsAfter: Number(row.months_after),
    startsOn: row.starts_on,
    answer: row.answer,
    leftOn: row.left_on,
    answeredAt: row.answered_at ? new Date(row.answered_at) : null,
  };
}

/** What the link's page shows (GET: reads only, records nothing). */
export async function checkInLinkView(db: Database, token: string, now: Date = new Date()): Promise<CheckInLinkView> {
  return viewOf(await linkRow(db, token, false), now);
}

export const EMPLOYER_ANSWER_LABELS: Record<EmployerCheckInAnswer, string> = {
  still_there: "Toujours là",
  left: "Est parti(e)",
  unknown: "Ne sait pas",
};

export type CheckInAnswerOutcome =
  | { outcome: "recorded" | "already"; view: CheckInLinkView }
  | { outcome: "unknown" | "expired" }
  | { outcome: "invalid"; error: CheckInLinkError };

/** Why an answer was refused: a code the page turns into words (nothing typed is echoed back). */
export const CHECK_IN_LINK_ERRORS = {
  answer: "Choisissez une des trois réponses.",
  "left-on": "Indiquez la date de départ.",
  "left-on-future": "La date de départ ne peut pas être dans le futur.",
  "left-on-before-start": "La date de départ ne peut pas précéder l'embauche.",
  "too-many": "Trop d'essais depuis cette connexion. Réessayez dans une heure.",
} as const;
export type CheckInLinkError = keyof typeof CHECK_IN_LINK_ERRORS;

/**
 * Records the company's answer from the link's form, once per check-in; tells the person's
 * adviser (caseload_alert). A second answer changes nothing and returns the first.
 */
export async function answerCheckInLink(
  db: Database,
  token: string,
  input: { answer: string; leftOn?: string | null },
  now: Date = new Date(),
): Promise<CheckInAnswerOutcome> {
  const today = todayIn(instanceTimeZone(), now);
  return db.transaction(async (txRaw): Promise<CheckInAnswerOutcome> => {
    const tx = txRaw as unknown as Database;
    const row = await linkRow(tx, token, true);
    if (!row) return { outcome: "unknown"  };
    if (row.answer) return { outcome: "already" , view: viewOf(row, now) };
    if (new Date(row.expires_at) <= now) return { outcome: "expired"  };
    const answer = (EMPLOYER_CHECK_IN_ANSWERS as readonly string[]).includes(input.answer) ? (input.answer as EmployerCheckInAnswer) : null;
    if (!answer) return { outcome: "invalid", error: "answer" };
    let leftOn: IsoDate | null = null;
    if (answer === "left") {
      leftOn = input.leftOn?.trim() || null;
      if (!leftOn || !isIsoDate(leftOn)) return { outcome: "invalid", error: "left-on" };
      if (leftOn > today) return { outcome: "invalid", error: "left-on-future" };
      if (leftOn < row.starts_on) return { outcome: "invalid", error: "left-on-before-start" };
    }
    await tx.execute(
      sql`update employer_check_ins set answer = ${answer}, left_on = ${leftOn}::date, answered_at = ${now.toISOString()}::timestamptz
        where id = ${row.id}::uuid and answer is null`,
    );
    await recordAudit(tx, {
      actorId: String(row.user_id),
      action: "checkin.employer_answer",
      subjectType: "check_in",
      subjectId: String(row.check_in_id),
      details: { placementId: String(row.placement_id), profileId: String(row.profile_id), answer, leftOn, via: "link" },
    });
    const who = `${row.first_name} ${row.last_name}`.trim();
    if (row.adviser_id) {
      const said =
        answer === "still_there"
          ? `${who} est toujours en poste`
          : answer === "left"
            ? `${who} est parti(e) le ${formatDate(leftOn!, instanceTimeZone())}`
            : `l'employeur ne sait pas si ${who} est toujours en poste`;
      await tell(
        tx,
        [
          {
            userId: String(row.adviser_id),
            category: "caseload_alert",
            eventKey: `employer-check-in:${row.check_in_id}`,
            title: `Réponse de l'employeur pour ${who}`,
            body: `Point à ${row.months_after} mois (${row.job_title}${row.employer_name ? ` chez ${row.employer_name}` : ""}) : ${said}. Notez votre propre point de suivi : c'est lui qui compte.`,
            link: `/conseiller/personnes/${row.profile_id}`,
            aboutProfileId: String(row.profile_id),
            kind: "employer_check_in",
          },
        ],
        now,
      );
    }
    const fresh = await linkRow(tx, token, false);
    return { outcome: "recorded" , view: viewOf(fresh, now) };
  });
}

export type EmployerAnswer = { answer: EmployerCheckInAnswer; label: string; leftOn: IsoDate | null; answeredAt: Date };

/** The company's answers to check-ins (the first per check-in), for the adviser's pages. */
export async function employerAnswersOf(db: Database, checkInIds: string[]): Promise<Map<string, EmployerAnswer>> {
  if (!checkInIds.length) return new Map();
  const rows = await queryRows<{ check_in_id: string; answer: EmployerCheckInAnswer; left_on: string | null; answered_at: string | Date }>(
    db,
    sql`select distinct on (check_in_id) check_in_id, answer, left_on::text as left_on, answered_at
      from employer_check_ins
      where answer is not null and check_in_id in (${sql.join(checkInIds.map((id) => sql`${id}::uuid`), sql`, `)})
      order by check_in_id, answered_at`,
  );
  return new Map(
    rows.map((r) => [
      String(r.check_in_id),
      { answer: r.answer, label: EMPLOYER_ANSWER_LABELS[r.answer], leftOn: r.left_on, answeredAt: new Date(r.answered_at) },
    ]),
  );
}
