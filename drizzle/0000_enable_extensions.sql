-- drizzle-kit never writes CREATE EXTENSION. On PostgreSQL a non-superuser cannot create
-- them: the operator (or .ci/run) creates them once as superuser, and these become no-ops.
CREATE EXTENSION IF NOT EXISTS postgis;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
