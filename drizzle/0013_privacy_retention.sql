ALTER TABLE "beneficiary_profiles" ADD COLUMN "retention_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "about_profile_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "about_profile_id" uuid;--> statement-breakpoint
CREATE INDEX "email_outbox_about" ON "email_outbox" USING btree ("about_profile_id");--> statement-breakpoint
CREATE INDEX "notifications_about" ON "notifications" USING btree ("about_profile_id");