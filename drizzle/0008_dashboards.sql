CREATE TABLE "instance_settings" (
	"id" text PRIMARY KEY DEFAULT 'current' NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "filled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "territory_code" text;--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "placements_starts_on" ON "placements" USING btree ("starts_on");--> statement-breakpoint
UPDATE "offers" SET "filled_at" = "updated_at" WHERE "status" = 'filled' AND "filled_at" IS NULL;--> statement-breakpoint
UPDATE "placements" pl SET "territory_code" = p."territory_code" FROM "beneficiary_profiles" p WHERE p."id" = pl."profile_id" AND pl."territory_code" IS NULL;
