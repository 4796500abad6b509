CREATE TABLE "innovations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid,
	"organisation_id" uuid,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_th" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"province_codes" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"srl" smallint,
	"lessons_learned" text DEFAULT '' NOT NULL,
	"scaling_recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"planned_satang" bigint NOT NULL,
	"approved_satang" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"sequence" smallint NOT NULL,
	"amount_satang" bigint NOT NULL,
	"release_report_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"ready_at" timestamp with time zone,
	"paid_on" date,
	"paid_satang" bigint,
	"withheld_satang" bigint DEFAULT 0 NOT NULL,
	"payment_reference" text,
	"payment_note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"completion_percent" smallint DEFAULT 0 NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_number_counters" (
	"fiscal_year" smallint PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_reallocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"from_line_id" uuid NOT NULL,
	"to_line_id" uuid NOT NULL,
	"amount_satang" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report_expenditures" (
	"report_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"spent_satang" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "project_report_expenditures_report_id_budget_line_id_pk" PRIMARY KEY("report_id","budget_line_id")
);
--> statement-breakpoint
CREATE TABLE "project_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"milestone_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"indicator_code" text,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"target" numeric(20, 4),
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report_milestones" (
	"report_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"completion_percent" smallint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "project_report_milestones_report_id_milestone_id_pk" PRIMARY KEY("report_id","milestone_id")
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"sequence" smallint NOT NULL,
	"kind" text DEFAULT 'progress' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"milestone_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"srl_level" smallint,
	"srl_evidence" text DEFAULT '' NOT NULL,
	"lessons_learned" text DEFAULT '' NOT NULL,
	"scaling_recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reminded_before_at" timestamp with time zone,
	"reminded_after_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"driving_unit_id" uuid,
	"agreement_number" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"province_codes" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"award_satang" bigint NOT NULL,
	"status" text DEFAULT 'setup' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"report_schedule" text DEFAULT 'milestone' NOT NULL,
	"reallocation_limit_percent" smallint DEFAULT 10 NOT NULL,
	"srl_start" smallint,
	"srl_target" smallint,
	"agreement_terms" jsonb,
	"agreement_sha256" text,
	"agreement_issued_at" timestamp with time zone,
	"agreement_issued_by" uuid,
	"agreement_accepted_at" timestamp with time zone,
	"agreement_accepted_by" uuid,
	"agreement_accepted_name" text,
	"agreement_accepted_ip" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text DEFAULT '' NOT NULL,
	"innovation_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_lines" ADD CONSTRAINT "project_budget_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_instalments" ADD CONSTRAINT "project_instalments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_instalments" ADD CONSTRAINT "project_instalments_release_report_id_project_reports_id_fk" FOREIGN KEY ("release_report_id") REFERENCES "public"."project_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_instalments" ADD CONSTRAINT "project_instalments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_from_line_id_project_budget_lines_id_fk" FOREIGN KEY ("from_line_id") REFERENCES "public"."project_budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_to_line_id_project_budget_lines_id_fk" FOREIGN KEY ("to_line_id") REFERENCES "public"."project_budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_events" ADD CONSTRAINT "project_report_events_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_events" ADD CONSTRAINT "project_report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_expenditures" ADD CONSTRAINT "project_report_expenditures_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_expenditures" ADD CONSTRAINT "project_report_expenditures_budget_line_id_project_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."project_budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_files" ADD CONSTRAINT "project_report_files_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_files" ADD CONSTRAINT "project_report_files_milestone_id_project_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."project_milestones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_files" ADD CONSTRAINT "project_report_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_indicators" ADD CONSTRAINT "project_report_indicators_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_milestones" ADD CONSTRAINT "project_report_milestones_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_milestones" ADD CONSTRAINT "project_report_milestones_milestone_id_project_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."project_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agreement_issued_by_users_id_fk" FOREIGN KEY ("agreement_issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agreement_accepted_by_users_id_fk" FOREIGN KEY ("agreement_accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovations_project_key" ON "innovations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_budget_lines_position_key" ON "project_budget_lines" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "project_instalments_sequence_key" ON "project_instalments" USING btree ("project_id","sequence");--> statement-breakpoint
CREATE INDEX "project_instalments_paid_idx" ON "project_instalments" USING btree ("paid_on") WHERE status = 'paid';--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_position_key" ON "project_milestones" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_reallocations_project_idx" ON "project_reallocations" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "project_report_events_report_idx" ON "project_report_events" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "project_report_files_report_idx" ON "project_report_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "project_report_indicators_report_idx" ON "project_report_indicators" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reports_sequence_key" ON "project_reports" USING btree ("project_id","sequence");--> statement-breakpoint
CREATE INDEX "project_reports_due_idx" ON "project_reports" USING btree ("due_on") WHERE status IN ('not_started', 'draft', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "projects_proposal_key" ON "projects" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_agreement_number_key" ON "projects" USING btree ("agreement_number");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" USING btree ("driving_unit_id");--> statement-breakpoint
CREATE INDEX "projects_organisation_idx" ON "projects" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "projects_call_idx" ON "projects" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "projects_status_fy_idx" ON "projects" USING btree ("status","fiscal_year");