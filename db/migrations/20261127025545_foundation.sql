CREATE TABLE "districts" (
	"code" integer PRIMARY KEY NOT NULL,
	"province_code" smallint NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"postal_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" smallint PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"boundary" jsonb,
	"boundary_source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subdistricts" (
	"code" integer PRIMARY KEY NOT NULL,
	"district_code" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"postal_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flagship_objectives" (
	"number" smallint PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_th" text NOT NULL,
	"summary_en" text NOT NULL,
	"description_th" text NOT NULL,
	"description_en" text NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "province_group_members" (
	"group_code" text NOT NULL,
	"province_code" smallint NOT NULL,
	"rank" integer,
	CONSTRAINT "province_group_members_group_code_province_code_pk" PRIMARY KEY("group_code","province_code")
);
--> statement-breakpoint
CREATE TABLE "province_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdgs" (
	"number" smallint PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"code" text PRIMARY KEY NOT NULL,
	"number" smallint NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "themes_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "area_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"year" smallint NOT NULL,
	"province_code" smallint NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"unit" text NOT NULL,
	"source_url" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_indicator_values_key" UNIQUE("indicator_code","year","province_code")
);
--> statement-breakpoint
CREATE TABLE "area_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"higher_is_needier" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provinces" ADD CONSTRAINT "provinces_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subdistricts" ADD CONSTRAINT "subdistricts_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_group_members" ADD CONSTRAINT "province_group_members_group_code_province_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."province_groups"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_group_members" ADD CONSTRAINT "province_group_members_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_indicator_values" ADD CONSTRAINT "area_indicator_values_indicator_code_area_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."area_indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_indicator_values" ADD CONSTRAINT "area_indicator_values_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "districts_province_code_idx" ON "districts" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "provinces_region_code_idx" ON "provinces" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "subdistricts_district_code_idx" ON "subdistricts" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "area_indicator_values_province_idx" ON "area_indicator_values" USING btree ("province_code");