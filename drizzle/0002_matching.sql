CREATE TABLE "beneficiary_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"external_id" text,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"commune_insee" text NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"location_proj" geometry(Point) NOT NULL,
	"precise_location" boolean DEFAULT false NOT NULL,
	"travel_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_distance_km" real NOT NULL,
	"driving_licence" text DEFAULT 'none' NOT NULL,
	"has_vehicle" boolean DEFAULT false NOT NULL,
	"available_from" date,
	"shifts" integer DEFAULT 1 NOT NULL,
	"full_time" boolean,
	"seeking" boolean DEFAULT true NOT NULL,
	"visible_to_employers" boolean DEFAULT false NOT NULL,
	"visibility_consent_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"territory_code" text,
	"adviser_id" uuid,
	"skill_codes" integer[] DEFAULT '{}'::int[] NOT NULL,
	"rome_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"large_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"formation_rome_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"about" text,
	"import_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_formations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"formation_id" uuid,
	"title" text NOT NULL,
	"rome_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"completed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_jobs" (
	"profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rome_code" text NOT NULL,
	"ogr_code" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"years" real,
	CONSTRAINT "profile_jobs_profile_id_kind_rome_code_ogr_code_pk" PRIMARY KEY("profile_id","kind","rome_code","ogr_code")
);
--> statement-breakpoint
CREATE TABLE "profile_match_points" (
	"profile_id" uuid NOT NULL,
	"large_domain" text NOT NULL,
	"point" geometry(Point) NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"max_distance_km" real NOT NULL,
	"has_licence" boolean NOT NULL,
	"has_vehicle" boolean NOT NULL,
	"available_from" date,
	"shifts" integer NOT NULL,
	"rome_codes" text[] NOT NULL,
	"domain_codes" text[] NOT NULL,
	"skill_codes" integer[] NOT NULL,
	"formation_rome_codes" text[] NOT NULL,
	CONSTRAINT "profile_match_points_profile_id_large_domain_pk" PRIMARY KEY("profile_id","large_domain")
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"siret" text,
	"name" text NOT NULL,
	"commune_insee" text,
	"location" geography(Point,4326),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"employer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rome_code" text NOT NULL,
	"ogr_code" integer DEFAULT 0 NOT NULL,
	"required_skills" integer[] DEFAULT '{}'::int[] NOT NULL,
	"wished_skills" integer[] DEFAULT '{}'::int[] NOT NULL,
	"description" text,
	"commune_insee" text NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"location_proj" geometry(Point) NOT NULL,
	"radius_km" real NOT NULL,
	"contract" text NOT NULL,
	"hours_per_week" real,
	"shifts" integer DEFAULT 1 NOT NULL,
	"licence_required" boolean DEFAULT false NOT NULL,
	"vehicle_required" boolean DEFAULT false NOT NULL,
	"positions" integer DEFAULT 1 NOT NULL,
	"starts_on" date NOT NULL,
	"expires_on" date,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"import_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"provider_name" text NOT NULL,
	"provider_user_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"rome_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune_insee" text NOT NULL,
	"location" geography(Point,4326) NOT NULL,
	"location_proj" geometry(Point) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"seats" integer,
	"status" text DEFAULT 'published' NOT NULL,
	"import_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profile_formations" ADD CONSTRAINT "profile_formations_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_jobs" ADD CONSTRAINT "profile_jobs_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_match_points" ADD CONSTRAINT "profile_match_points_profile_id_beneficiary_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."beneficiary_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiary_profiles_external_id" ON "beneficiary_profiles" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiary_profiles_user_id" ON "beneficiary_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "beneficiary_profiles_location_gist" ON "beneficiary_profiles" USING gist ("location");--> statement-breakpoint
CREATE INDEX "beneficiary_profiles_territory" ON "beneficiary_profiles" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "beneficiary_profiles_adviser" ON "beneficiary_profiles" USING btree ("adviser_id");--> statement-breakpoint
CREATE INDEX "profile_formations_profile" ON "profile_formations" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "profile_match_points_domain_point" ON "profile_match_points" USING gist ("large_domain","point");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_siret" ON "employers" USING btree ("siret");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_external_id" ON "offers" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "offers_employer" ON "offers" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "offers_location_gist" ON "offers" USING gist ("location");--> statement-breakpoint
CREATE INDEX "offers_published_point" ON "offers" USING gist ("location_proj") WHERE "offers"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "formations_external_id" ON "formations" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "formations_location_gist" ON "formations" USING gist ("location");--> statement-breakpoint
CREATE INDEX "formations_published_point" ON "formations" USING gist ("location_proj") WHERE "formations"."status" = 'published';