import { databaseIfAvailable, getDb } from "@/server/db";
import { loadInstanceConfig } from "@/server/config/config";
import { baseMapData, type BaseMapData } from "@/server/geo/base-map";
import { serviceUnavailable } from "@/server/lib/unavailable";

export const dynamic = "force-dynamic";

// The communes and the territories change only with `ref import` or an admin's edit of the
// territories: built once, kept ten minutes by this process.
const KEEP_MS = 10 * 60_000;
let cached: { key: string; at: number; data: BaseMapData } | null = null;

/** The maps' offline base (open data: communes and territories), GeoJSON for MapLibre. */
export async function GET() {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const config = loadInstanceConfig();
  const key = JSON.stringify([config.departements, config.territories]);
  if (!cached || cached.key !== key || Date.now() - cached.at > KEEP_MS) {
    cached = { key, at: Date.now(), data: await baseMapData(await getDb(), config.departements) };
  }
  return Response.json(cached.data, { headers: { "Cache-Control": "public, max-age=3600" } });
}
