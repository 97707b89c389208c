ALTER TABLE "rate_limit_hits" ADD COLUMN "item" text;--> statement-breakpoint
-- The matcher's rows now hold the commune's reference point, never a precise point a person
-- gave (what organisations see of distances must say no more than the commune): rewrite the
-- existing rows the way refreshMatchPoints now writes them.
UPDATE "profile_match_points" AS m
SET "location" = c."location",
	"point" = ST_Transform(c."location"::geometry, ST_SRID(m."point"))
FROM "beneficiary_profiles" AS p
JOIN "communes" AS c ON c."insee" = p."commune_insee"
WHERE p."id" = m."profile_id";
--> statement-breakpoint
-- A profile whose commune is unknown is not ranked for organisations at all (refreshMatchPoints
-- writes no row for it): drop the rows that still hold such a profile's precise point.
DELETE FROM "profile_match_points" AS m
WHERE NOT EXISTS (
	SELECT 1 FROM "beneficiary_profiles" AS p
	JOIN "communes" AS c ON c."insee" = p."commune_insee"
	WHERE p."id" = m."profile_id"
);
