CREATE TABLE "financial_proxies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"value_satang" bigint NOT NULL,
	"currency" text DEFAULT 'THB' NOT NULL,
	"unit_th" text NOT NULL,
	"unit_en" text NOT NULL,
	"price_year" smallint NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_starter" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financial_proxies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "impact_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"unit_th" text NOT NULL,
	"unit_en" text NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"iris_metric_id" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_starter" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_indicators_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "project_indicator_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"value_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_indicator_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period_start" date,
	"period_end" date NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'entry' NOT NULL,
	"report_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_indicator_values_report_key" UNIQUE("project_indicator_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "project_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"indicator_id" uuid,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"unit_th" text NOT NULL,
	"unit_en" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"logic_node_id" text,
	"baseline" numeric(20, 4),
	"baseline_on" date,
	"target" numeric(20, 4),
	"target_on" date,
	"position" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_indicators_code_key" UNIQUE("project_id","code")
);
--> statement-breakpoint
CREATE TABLE "project_logic_models" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"nodes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sroi_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version_no" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"model" jsonb NOT NULL,
	"result" jsonb,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"convention" text NOT NULL,
	"present_value_satang" bigint,
	"investment_satang" bigint,
	"ratio" numeric(14, 4),
	"based_on_id" uuid,
	"created_by" uuid,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sroi_assessments_version_key" UNIQUE("project_id","kind","version_no")
);
--> statement-breakpoint
ALTER TABLE "project_indicator_files" ADD CONSTRAINT "project_indicator_files_value_id_project_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."project_indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_files" ADD CONSTRAINT "project_indicator_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_project_indicator_id_project_indicators_id_fk" FOREIGN KEY ("project_indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_indicator_id_impact_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."impact_indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_logic_models" ADD CONSTRAINT "project_logic_models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_logic_models" ADD CONSTRAINT "project_logic_models_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_indicator_files_value_idx" ON "project_indicator_files" USING btree ("value_id");--> statement-breakpoint
CREATE INDEX "project_indicator_values_indicator_idx" ON "project_indicator_values" USING btree ("project_indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "project_indicator_values_project_idx" ON "project_indicator_values" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_indicators_indicator_idx" ON "project_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "sroi_assessments_project_idx" ON "sroi_assessments" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "impact_indicators" ADD CONSTRAINT "impact_indicators_type_check" CHECK ("type" IN ('count', 'percent', 'money', 'score'));--> statement-breakpoint
ALTER TABLE "impact_indicators" ADD CONSTRAINT "impact_indicators_direction_check" CHECK ("direction" IN ('increase', 'decrease', 'maintain'));--> statement-breakpoint
ALTER TABLE "impact_indicators" ADD CONSTRAINT "impact_indicators_aggregation_check" CHECK ("aggregation" IN ('sum', 'mean', 'latest'));--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_type_check" CHECK ("type" IN ('count', 'percent', 'money', 'score'));--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_direction_check" CHECK ("direction" IN ('increase', 'decrease', 'maintain'));--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_aggregation_check" CHECK ("aggregation" IN ('sum', 'mean', 'latest'));--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_status_check" CHECK ("status" IN ('submitted', 'verified', 'queried'));--> statement-breakpoint
ALTER TABLE "project_indicator_values" ADD CONSTRAINT "project_indicator_values_source_check" CHECK ("source" IN ('report', 'entry'));--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_kind_check" CHECK ("kind" IN ('forecast', 'evaluative'));--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_status_check" CHECK ("status" IN ('draft', 'final'));--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_convention_check" CHECK ("convention" IN ('svi-2012', 'th-base-year', 'nz-cbax-midyear'));--> statement-breakpoint
ALTER TABLE "sroi_assessments" ADD CONSTRAINT "sroi_assessments_version_no_check" CHECK ("version_no" >= 1);--> statement-breakpoint
ALTER TABLE "financial_proxies" ADD CONSTRAINT "financial_proxies_price_year_check" CHECK ("price_year" BETWEEN 1990 AND 2200);
