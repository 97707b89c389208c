import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";

export type FormationSummary = {
  id: string;
  title: string;
  providerName: string;
  communeName: string;
  startsOn: string;
  endsOn: string | null;
  seats: number | null;
  /** seats minus confirmed registrations (null when the number of seats is unknown) */
  seatsLeft: number | null;
  status: string;
  description: string | null;
  prerequisites: string | null;
  costEuros: number | null;
  funding: string | null;
  lat: number;
  lng: number;
};

export async function formationSummaries(db: Database, ids: string[]): Promise<Map<string, FormationSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select f.id, f.title, f.provider_name, c.name as commune_name, f.starts_on::text as starts_on,
        f.ends_on::text as ends_on, f.seats, f.status, f.description, f.prerequisites, f.cost_euros, f.funding,
        (select count(*)::int from applications a where a.formation_id = f.id and a.status = 'hired') as admitted,
        ST_Y(f.location::geometry) as lat, ST_X(f.location::geometry) as lng
      from formations f left join communes c on c.insee = f.commune_insee
      where f.id in (${uuidList(ids)})`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: String(r.id),
        title: String(r.title),
        providerName: String(r.provider_name),
        communeName: String(r.commune_name ?? ""),
        startsOn: String(r.starts_on),
        endsOn: r.ends_on === null ? null : String(r.ends_on),
        seats: r.seats === null ? null : Number(r.seats),
        seatsLeft: r.seats === null ? null : Math.max(0, Number(r.seats) - Number(r.admitted ?? 0)),
        status: String(r.status),
        description: (r.description as string | null) ?? null,
        prerequisites: (r.prerequisites as string | null) ?? null,
        costEuros: r.cost_euros === null || r.cost_euros === undefined ? null : Number(r.cost_euros),
        funding: (r.funding as string | null) ?? null,
        lat: Number(r.lat),
        lng: Number(r.lng),
      },
    ]),
  );
}
