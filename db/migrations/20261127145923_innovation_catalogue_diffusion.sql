CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "adoption_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adoption_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adoption_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adoption_id" uuid NOT NULL,
	"body" text NOT NULL,
	"photo_key" text,
	"photo_thumbnail_key" text,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"innovation_id" uuid NOT NULL,
	"province_code" smallint NOT NULL,
	"district_code" integer,
	"subdistrict_code" integer,
	"village_id" uuid,
	"adopter_organisation_id" uuid,
	"adopter_name" text NOT NULL,
	"adopter_type" text NOT NULL,
	"diffusion_partner_id" uuid,
	"diffusion_partner_name" text DEFAULT '' NOT NULL,
	"source_adoption_id" uuid,
	"need_id" uuid,
	"problem_statement_id" uuid,
	"status" text DEFAULT 'interested' NOT NULL,
	"status_on" date NOT NULL,
	"interested_on" date NOT NULL,
	"adopted_on" date,
	"discontinued_reason" text DEFAULT '' NOT NULL,
	"adaptations_th" text DEFAULT '' NOT NULL,
	"adaptations_en" text DEFAULT '' NOT NULL,
	"beneficiaries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"local_funding_satang" bigint DEFAULT 0 NOT NULL,
	"local_funding_source" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"innovation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"width" integer,
	"height" integer,
	"caption_th" text DEFAULT '' NOT NULL,
	"caption_en" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme" text NOT NULL,
	"province_code" smallint NOT NULL,
	"district_code" integer,
	"subdistrict_code" integer,
	"village_name" text DEFAULT '' NOT NULL,
	"village_no" smallint,
	"title_th" text NOT NULL,
	"description_th" text NOT NULL,
	"people_affected" integer DEFAULT 0 NOT NULL,
	"requester_name" text NOT NULL,
	"requester_organisation" text DEFAULT '' NOT NULL,
	"requester_type" text NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_consented_at" timestamp with time zone,
	"submitted_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"moderation_note" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_owners" (
	"innovation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_owners_innovation_id_organisation_id_pk" PRIMARY KEY("innovation_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "innovation_srl_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"innovation_id" uuid NOT NULL,
	"srl" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" smallint NOT NULL,
	"district_code" integer NOT NULL,
	"subdistrict_code" integer NOT NULL,
	"village_no" smallint NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_name" text GENERATED ALWAYS AS (lower(name_th || ' ' || coalesce(name_en, ''))) STORED;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "search_title" text GENERATED ALWAYS AS (lower(title_th || ' ' || title_en)) STORED;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "driving_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "problem_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "problem_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "solution_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "solution_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "how_it_works_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "how_it_works_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "target_users_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "target_users_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "origin_province_code" smallint;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "origin_district_code" integer;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "origin_subdistrict_code" integer;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "origin_village_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "adoption_cost_satang" bigint;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "adoption_requirements_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "adoption_requirements_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "contact_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "contact_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "is_diffusion_ready" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "adoption_package" jsonb;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "is_featured" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "cover_media_id" uuid;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "search_title" text GENERATED ALWAYS AS (lower(title_th || ' ' || title_en)) STORED;--> statement-breakpoint
ALTER TABLE "adoption_events" ADD CONSTRAINT "adoption_events_adoption_id_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_events" ADD CONSTRAINT "adoption_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_updates" ADD CONSTRAINT "adoption_updates_adoption_id_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_updates" ADD CONSTRAINT "adoption_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_subdistrict_code_subdistricts_code_fk" FOREIGN KEY ("subdistrict_code") REFERENCES "public"."subdistricts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_adopter_organisation_id_organisations_id_fk" FOREIGN KEY ("adopter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_diffusion_partner_id_partners_id_fk" FOREIGN KEY ("diffusion_partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_source_adoption_id_adoptions_id_fk" FOREIGN KEY ("source_adoption_id") REFERENCES "public"."adoptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_need_id_innovation_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."innovation_needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_problem_statement_id_problem_statements_id_fk" FOREIGN KEY ("problem_statement_id") REFERENCES "public"."problem_statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_media" ADD CONSTRAINT "innovation_media_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_media" ADD CONSTRAINT "innovation_media_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_subdistrict_code_subdistricts_code_fk" FOREIGN KEY ("subdistrict_code") REFERENCES "public"."subdistricts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_owners" ADD CONSTRAINT "innovation_owners_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_owners" ADD CONSTRAINT "innovation_owners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_srl_history" ADD CONSTRAINT "innovation_srl_history_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_srl_history" ADD CONSTRAINT "innovation_srl_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_subdistrict_code_subdistricts_code_fk" FOREIGN KEY ("subdistrict_code") REFERENCES "public"."subdistricts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adoption_events_adoption_idx" ON "adoption_events" USING btree ("adoption_id","occurred_on");--> statement-breakpoint
CREATE INDEX "adoption_updates_adoption_idx" ON "adoption_updates" USING btree ("adoption_id","created_at");--> statement-breakpoint
CREATE INDEX "adoptions_innovation_idx" ON "adoptions" USING btree ("innovation_id","status");--> statement-breakpoint
CREATE INDEX "adoptions_province_idx" ON "adoptions" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "adoptions_village_idx" ON "adoptions" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "adoptions_adopter_idx" ON "adoptions" USING btree ("adopter_organisation_id");--> statement-breakpoint
CREATE INDEX "adoptions_source_idx" ON "adoptions" USING btree ("source_adoption_id");--> statement-breakpoint
CREATE INDEX "innovation_media_innovation_idx" ON "innovation_media" USING btree ("innovation_id","kind","position");--> statement-breakpoint
CREATE INDEX "innovation_needs_status_idx" ON "innovation_needs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "innovation_needs_area_idx" ON "innovation_needs" USING btree ("province_code","theme");--> statement-breakpoint
CREATE INDEX "innovation_needs_search_idx" ON "innovation_needs" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "innovation_owners_org_idx" ON "innovation_owners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "innovation_srl_history_innovation_idx" ON "innovation_srl_history" USING btree ("innovation_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "villages_site_key" ON "villages" USING btree ("subdistrict_code","village_no");--> statement-breakpoint
CREATE INDEX "villages_province_idx" ON "villages" USING btree ("province_code");--> statement-breakpoint
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_origin_province_code_provinces_code_fk" FOREIGN KEY ("origin_province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_origin_district_code_districts_code_fk" FOREIGN KEY ("origin_district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_origin_subdistrict_code_subdistricts_code_fk" FOREIGN KEY ("origin_subdistrict_code") REFERENCES "public"."subdistricts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_search_name_trgm_idx" ON "organisations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "proposals_search_title_trgm_idx" ON "proposals" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "innovations_status_idx" ON "innovations" USING btree ("status","is_featured","published_at");--> statement-breakpoint
CREATE INDEX "innovations_catalogue_idx" ON "innovations" USING btree ("status",is_featured DESC,published_at DESC NULLS LAST,id DESC);--> statement-breakpoint
CREATE INDEX "innovations_search_idx" ON "innovations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "innovations_search_title_trgm_idx" ON "innovations" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "innovations_themes_idx" ON "innovations" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "innovations_sdgs_idx" ON "innovations" USING gin ("sdgs");--> statement-breakpoint
CREATE INDEX "innovations_provinces_idx" ON "innovations" USING gin ("province_codes");--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_status_check" CHECK ("status" IN ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_srl_check" CHECK ("srl" IS NULL OR "srl" BETWEEN 1 AND 9);--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_adoption_cost_check" CHECK ("adoption_cost_satang" IS NULL OR "adoption_cost_satang" >= 0);--> statement-breakpoint
ALTER TABLE "innovation_srl_history" ADD CONSTRAINT "innovation_srl_history_srl_check" CHECK ("srl" BETWEEN 1 AND 9);--> statement-breakpoint
ALTER TABLE "innovation_media" ADD CONSTRAINT "innovation_media_kind_check" CHECK ("kind" IN ('photo', 'document'));--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_village_no_check" CHECK ("village_no" BETWEEN 1 AND 99);--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_status_check" CHECK ("status" IN ('pending', 'published', 'rejected', 'addressed', 'closed'));--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_people_check" CHECK ("people_affected" >= 0);--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_status_check" CHECK ("status" IN ('interested', 'planning', 'implementing', 'adopted', 'sustained', 'discontinued'));--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_local_funding_check" CHECK ("local_funding_satang" >= 0);--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_discontinued_reason_check" CHECK ("status" <> 'discontinued' OR length(btrim("discontinued_reason")) > 0);--> statement-breakpoint
ALTER TABLE "adoption_events" ADD CONSTRAINT "adoption_events_status_check" CHECK ("to_status" IN ('interested', 'planning', 'implementing', 'adopted', 'sustained', 'discontinued'));--> statement-breakpoint
ALTER TABLE "innovation_needs" ADD CONSTRAINT "innovation_needs_village_no_check" CHECK ("village_no" IS NULL OR "village_no" BETWEEN 1 AND 99);
