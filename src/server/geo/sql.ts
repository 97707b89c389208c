import { sql, type SQL } from "drizzle-orm";
import type { LngLat } from "./point";
import { loadInstanceConfig } from "../config/config";

/** The geography point of a longitude/latitude pair. */
export function geographySql({ lng, lat }: LngLat): SQL {
  return sql`ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326)::geography`;
}

/** The same point in the instance's projected system (planar metres, for index scans). */
export function projectedSql({ lng, lat }: LngLat, srid = loadInstanceConfig().projectedSrid): SQL {
  return sql`ST_Transform(ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326), ${sql.raw(String(Math.trunc(srid)))})`;
}
