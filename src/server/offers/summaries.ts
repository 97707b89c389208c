import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { maskToShifts, type Shift } from "../geo/shifts";
import type { Contract, OfferStatus } from "./schema";

export type OfferSummary = {
  id: string;
  title: string;
  employerName: string;
  communeName: string;
  contract: Contract;
  hoursPerWeek: number | null;
  shifts: Shift[];
  licenceRequired: boolean;
  vehicleRequired: boolean;
  startsOn: string;
  expiresOn: string | null;
  status: OfferStatus;
  description: string | null;
  lat: number;
  lng: number;
};


/** What a list or a map shows of each offer: no candidate data, nothing private. */
export async function offerSummaries(db: Database, ids: string[]): Promise<Map<string, OfferSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select o.id, o.title, e.name as employer_name, c.name as commune_name, o.contract, o.hours_per_week,
        o.shifts, o.licence_required, o.vehicle_required, o.starts_on::text as starts_on, o.expires_on::text as expires_on,
        o.status, o.description, ST_Y(o.location::geometry) as lat, ST_X(o.location::geometry) as lng
      from offers o join employers e on e.id = o.employer_id left join communes c on c.insee = o.commune_insee
      where o.id in (${uuidList(ids)})`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: String(r.id),
        title: String(r.title),
        employerName: String(r.employer_name),
        communeName: String(r.commune_name ?? ""),
        contract: r.contract as Contract,
        hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
        shifts: maskToShifts(Number(r.shifts)),
        licenceRequired: Boolean(r.licence_required),
        vehicleRequired: Boolean(r.vehicle_required),
        startsOn: String(r.starts_on),
        expiresOn: r.expires_on === null ? null : String(r.expires_on),
        status: r.status as OfferStatus,
        description: (r.description as string | null) ?? null,
        lat: Number(r.lat),
        lng: Number(r.lng),
      },
    ]),
  );
}
