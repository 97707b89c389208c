CREATE TABLE "commune_postcodes" (
	"postcode" text NOT NULL,
	"insee" text NOT NULL,
	CONSTRAINT "commune_postcodes_postcode_insee_pk" PRIMARY KEY("postcode","insee")
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"insee" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"departement" text NOT NULL,
	"postcodes" text[] NOT NULL,
	"population" integer NOT NULL,
	"location" geography(Point,4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_imports" (
	"dataset" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rome_domains" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"level" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rome_job_skills" (
	"rome_code" text NOT NULL,
	"skill_code" integer NOT NULL,
	CONSTRAINT "rome_job_skills_rome_code_skill_code_pk" PRIMARY KEY("rome_code","skill_code")
);
--> statement-breakpoint
CREATE TABLE "rome_job_titles" (
	"ogr_code" integer PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"short_label" text NOT NULL,
	"search_label" text NOT NULL,
	"rome_code" text NOT NULL,
	"principal" integer DEFAULT 0 NOT NULL,
	"rarely_used" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rome_jobs" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"ogr_code" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rome_skills" (
	"ogr_code" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"search_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory_communes" (
	"territory_code" text NOT NULL,
	"insee" text NOT NULL,
	CONSTRAINT "territory_communes_territory_code_insee_pk" PRIMARY KEY("territory_code","insee")
);
--> statement-breakpoint
CREATE TABLE "access_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"password_hash" text,
	"role" text NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"territory_code" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_postcodes" ADD CONSTRAINT "commune_postcodes_insee_communes_insee_fk" FOREIGN KEY ("insee") REFERENCES "public"."communes"("insee") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rome_job_skills" ADD CONSTRAINT "rome_job_skills_rome_code_rome_jobs_code_fk" FOREIGN KEY ("rome_code") REFERENCES "public"."rome_jobs"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rome_job_skills" ADD CONSTRAINT "rome_job_skills_skill_code_rome_skills_ogr_code_fk" FOREIGN KEY ("skill_code") REFERENCES "public"."rome_skills"("ogr_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rome_job_titles" ADD CONSTRAINT "rome_job_titles_rome_code_rome_jobs_code_fk" FOREIGN KEY ("rome_code") REFERENCES "public"."rome_jobs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_communes" ADD CONSTRAINT "territory_communes_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_codes" ADD CONSTRAINT "access_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_postcodes_prefix" ON "commune_postcodes" USING btree ("postcode" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "communes_location_gist" ON "communes" USING gist ("location");--> statement-breakpoint
CREATE INDEX "communes_search_name_trgm" ON "communes" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "communes_search_name_prefix" ON "communes" USING btree ("search_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "communes_departement" ON "communes" USING btree ("departement");--> statement-breakpoint
CREATE INDEX "rome_job_skills_skill" ON "rome_job_skills" USING btree ("skill_code");--> statement-breakpoint
CREATE INDEX "rome_job_titles_rome_code" ON "rome_job_titles" USING btree ("rome_code");--> statement-breakpoint
CREATE INDEX "rome_job_titles_search_trgm" ON "rome_job_titles" USING gin ("search_label" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rome_skills_search_trgm" ON "rome_skills" USING gin ("search_label" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "territory_communes_insee" ON "territory_communes" USING btree ("insee");--> statement-breakpoint
CREATE UNIQUE INDEX "access_codes_hash" ON "access_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "audit_events_subject" ON "audit_events" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("at");