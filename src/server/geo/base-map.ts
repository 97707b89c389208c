import { buffer, circle, concave, convex, featureCollection, point } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";

// The offline base of the maps: the département's communes as labelled places and the
// territories' outlines, from the reference data alone (no tile server needed). The reference
// data has each commune's town-hall point but no commune polygon, so a territory is drawn as
// the concave hull of its communes' points (the convex hull when a concave one cannot be made),
// widened by a little so that the communes on its edge sit inside it.

export type BaseMapData = {
  communes: FeatureCollection<Point, { insee: string; name: string; population: number }>;
  territories: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
};

/** Longest edge of a territory's concave hull: about twice the distance between neighbouring villages. */
const HULL_MAX_EDGE_KM = 15;
/** How far the outline passes beyond the outermost communes' points. */
const OUTLINE_MARGIN_KM = 1.5;

/** The outline of a set of points: concave hull, else convex hull, else a disc; widened a little. */
export function territoryOutline(points: Array<[lng: number, lat: number]>): Feature<Polygon | MultiPolygon> | null {
  if (points.length === 0) return null;
  const fc = featureCollection(points.map((p) => point(p)));
  const hull = (points.length >= 3 ? (concave(fc, { maxEdge: HULL_MAX_EDGE_KM, units: "kilometers" }) ?? convex(fc)) : null) ?? null;
  if (!hull) {
    // one or two communes: a disc around each
    const rims = points.flatMap((p) => circle(p, OUTLINE_MARGIN_KM * 2, { units: "kilometers", steps: 24 }).geometry.coordinates[0]!);
    return convex(featureCollection(rims.map((c) => point(c))));
  }
  return buffer(hull, OUTLINE_MARGIN_KM, { units: "kilometers" }) ?? hull;
}

/** The communes of `departements` and the territories of the instance (territory_communes), as GeoJSON. */
export async function baseMapData(db: Database, departements: string[]): Promise<BaseMapData> {
  const deps = departements.length ? sql.join(departements.map((d) => sql`${d}`), sql`, `) : sql`null`;
  const communes = await queryRows<{ insee: string; name: string; population: number; lat: number; lng: number }>(
    db,
    sql`select c.insee, c.name, c.population, ST_Y(c.location::geometry) as lat, ST_X(c.location::geometry) as lng
        from communes c where c.departement in (${deps}) order by c.population desc, c.name`,
  );
  const members = await queryRows<{ code: string; name: string; lat: number; lng: number }>(
    db,
    sql`select t.code, t.name, ST_Y(c.location::geometry) as lat, ST_X(c.location::geometry) as lng
        from territories t join territory_communes tc on tc.territory_code = t.code join communes c on c.insee = tc.insee
        order by t.name, c.insee`,
  );
  const byTerritory = new Map<string, { name: string; points: Array<[number, number]> }>();
  for (const m of members) {
    const t = byTerritory.get(m.code) ?? { name: m.name, points: [] };
    t.points.push([Number(m.lng), Number(m.lat)]);
    byTerritory.set(m.code, t);
  }
  const territories: Array<Feature<Polygon | MultiPolygon, { code: string; name: string }>> = [];
  for (const [code, t] of byTerritory) {
    const outline = territoryOutline(t.points);
    if (outline) territories.push({ type: "Feature", geometry: outline.geometry, properties: { code, name: t.name } });
  }
  return {
    communes: featureCollection(
      communes.map((c) =>
        point([Number(c.lng), Number(c.lat)], { insee: String(c.insee), name: String(c.name), population: Number(c.population) }),
      ),
    ),
    territories: { type: "FeatureCollection", features: territories },
  };
}
