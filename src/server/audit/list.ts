import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";

export const AUDIT_PAGE_SIZE = 50;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez une date au format AAAA-MM-JJ.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Cette date n'existe pas.");

export const auditListInput = z
  .object({
    /** a family ("profile") or an exact action ("profile.file_open") */
    action: z.string().trim().regex(/^[a-z_]+(\.[a-z_]+)?$/, "Action inconnue.").optional(),
    /** part of the actor's e-mail, first or last name */
    actor: z.string().trim().max(100, "100 caractères au plus.").optional(),
    subjectType: z.string().trim().regex(/^[a-z_]+$/, "Type inconnu.").optional(),
    subjectId: z.string().trim().max(100, "100 caractères au plus.").optional(),
    /** Paris days, both included */
    from: isoDay.optional(),
    to: isoDay.optional(),
    page: z.number().int().min(1).max(100_000).default(1),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: "La date de début doit précéder la date de fin.", path: ["to"] });
export type AuditListInput = z.input<typeof auditListInput>;

type Row = {
  id: string;
  at: Date | string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: Record<string, unknown>;
  actor_id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  total: number;
};

/** The audit trail, newest first, 50 a page, with the families and subject types present for the filters. */
export async function listAuditEvents(db: Database, raw: AuditListInput) {
  const input = auditListInput.parse(raw);
  const where: SQL[] = [sql`true`];
  if (input.action) {
    where.push(input.action.includes(".") ? sql`e.action = ${input.action}` : sql`e.action like ${`${input.action}.%`}`);
  }
  if (input.actor) {
    const q = `%${input.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(u.email ilike ${q} or u.first_name ilike ${q} or u.last_name ilike ${q} or (u.first_name || ' ' || u.last_name) ilike ${q})`,
    );
  }
  if (input.subjectType) where.push(sql`e.subject_type = ${input.subjectType}`);
  if (input.subjectId) where.push(sql`e.subject_id = ${input.subjectId}`);
  const zone = instanceTimeZone();
  if (input.from) where.push(sql`e.at >= (${input.from}::date::timestamp at time zone ${zone}::text)`);
  if (input.to) where.push(sql`e.at < ((${input.to}::date + 1)::timestamp at time zone ${zone}::text)`);

  const offset = (input.page - 1) * AUDIT_PAGE_SIZE;
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.at, e.action, e.subject_type, e.subject_id, e.details, e.actor_id,
               u.first_name, u.last_name, u.email, count(*) over ()::int as total
        from audit_events e left join users u on u.id = e.actor_id
        where ${sql.join(where, sql` and `)}
        order by e.at desc, e.id desc
        limit ${AUDIT_PAGE_SIZE} offset ${offset}`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    // past the last page: still say how many there are
    const [c] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events e left join users u on u.id = e.actor_id where ${sql.join(where, sql` and `)}`,
    );
    total = c?.n ?? 0;
  }
  const [families, subjectTypes] = await Promise.all([
    queryRows<{ v: string }>(db, sql`select distinct split_part(action, '.', 1) as v from audit_events order by 1`),
    queryRows<{ v: string }>(db, sql`select distinct subject_type as v from audit_events order by 1`),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: r.details ?? {},
      actor: r.actor_id
        ? { id: r.actor_id, name: `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim(), email: r.email, known: r.email !== null || r.first_name !== null }
        : null,
    })),
    total,
    page: input.page,
    pageSize: AUDIT_PAGE_SIZE,
    families: families.map((f) => f.v),
    subjectTypes: subjectTypes.map((s) => s.v),
  };
}
