CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"offer_id" uuid,
	"formation_id" uuid,
	"message" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"from_kind" text NOT NULL,
	"from_user_id" uuid NOT NULL,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_formation_id_formations_id_fk" FOREIGN KEY ("formation_id") REFERENCES "public"."formations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_profile_offer" ON "applications" USING btree ("profile_id","offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_profile_formation" ON "applications" USING btree ("profile_id","formation_id");--> statement-breakpoint
CREATE INDEX "applications_offer" ON "applications" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "applications_formation" ON "applications" USING btree ("formation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_profile_offer_kind" ON "proposals" USING btree ("profile_id","offer_id","from_kind");--> statement-breakpoint
CREATE INDEX "proposals_offer" ON "proposals" USING btree ("offer_id");