CREATE TABLE "employer_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"is_owner" boolean DEFAULT false NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_views" (
	"offer_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_views_offer_id_profile_id_pk" PRIMARY KEY("offer_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"employer_id" uuid,
	"offer_id" uuid,
	"application_id" uuid,
	"adviser_id" uuid,
	"job_title" text NOT NULL,
	"rome_code" text,
	"contract" text,
	"starts_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "kind" text DEFAULT 'company' NOT NULL;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "prerequisites" text;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "cost_euros" integer;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "funding" text;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "formations" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "employer_members" ADD CONSTRAINT "employer_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_members" ADD CONSTRAINT "employer_members_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_views" ADD CONSTRAINT "offer_views_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_members_employer" ON "employer_members" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_application" ON "placements" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "placements_profile" ON "placements" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "placements_adviser" ON "placements" USING btree ("adviser_id");--> statement-breakpoint
ALTER TABLE "formations" ADD CONSTRAINT "formations_organisation_id_employers_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "formations_organisation" ON "formations" USING btree ("organisation_id");