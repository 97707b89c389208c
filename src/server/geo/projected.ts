import { customType } from "drizzle-orm/pg-core";

/**
 * A planar point in the instance's projected system (Lambert-93, EPSG:2154, in metropolitan
 * France), kept beside the geography point so that "who is within R km" is a cheap planar
 * index scan. Written only through SQL (ST_Transform of the geography point), never from JS.
 */
export const projectedPoint = customType<{ data: string; driverData: string }>({
  dataType() {
    return "geometry(Point)";
  },
});
