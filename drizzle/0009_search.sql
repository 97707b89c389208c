CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"commune_insee" text,
	"commune_name" text,
	"words_norm" text DEFAULT '' NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"contract" text,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"location" geography(Point,4326),
	"starts_on" date,
	"expires_on" date,
	"adviser_id" uuid,
	"territory_code" text,
	"visible" boolean DEFAULT true NOT NULL,
	"display" text DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_kind_entity_id_pk" PRIMARY KEY("kind","entity_id")
);
--> statement-breakpoint
CREATE TABLE "search_queue" (
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_queue_kind_entity_id_pk" PRIMARY KEY("kind","entity_id")
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_words_trgm" ON "search_documents" USING gin ("words_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_location" ON "search_documents" USING gist ("location");--> statement-breakpoint
CREATE INDEX "search_queue_next" ON "search_queue" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "search_words_trgm" ON "search_words" USING gin ("word" gin_trgm_ops);