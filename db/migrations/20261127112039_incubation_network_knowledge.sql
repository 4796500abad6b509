CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driving_unit_id" uuid NOT NULL,
	"cohort_id" uuid,
	"kind" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"province_code" smallint,
	"district_code" integer,
	"venue" text DEFAULT '' NOT NULL,
	"online_url" text,
	"capacity" integer NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"registration_closes_at" timestamp with time zone,
	"hours" numeric(6, 2) DEFAULT 0 NOT NULL,
	"gives_certificate" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"attendance_code" text,
	"attendance_code_expires_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"recipient_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "activity_facilitators" (
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'facilitator' NOT NULL,
	CONSTRAINT "activity_facilitators_activity_id_person_id_pk" PRIMARY KEY("activity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "activity_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"status" text NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"attendance_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"items" jsonb NOT NULL,
	"scale_points" smallint DEFAULT 5 NOT NULL,
	"locked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driving_unit_id" uuid NOT NULL,
	"programme_id" uuid,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "driving_unit_profiles" (
	"driving_unit_id" uuid PRIMARY KEY NOT NULL,
	"host_organisation_id" uuid,
	"host_name_th" text DEFAULT '' NOT NULL,
	"host_name_en" text DEFAULT '' NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "driving_unit_targets" (
	"driving_unit_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"measure" text NOT NULL,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "driving_unit_targets_driving_unit_id_fiscal_year_measure_pk" PRIMARY KEY("driving_unit_id","fiscal_year","measure")
);
--> statement-breakpoint
CREATE TABLE "mentoring_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"project_id" uuid,
	"driving_unit_id" uuid,
	"expertise" text NOT NULL,
	"topic" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"mentor_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid,
	"mentor_id" uuid NOT NULL,
	"organisation_id" uuid,
	"project_id" uuid,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"follow_ups" text DEFAULT '' NOT NULL,
	"satisfaction" smallint,
	"satisfaction_comment" text DEFAULT '' NOT NULL,
	"rated_at" timestamp with time zone,
	"logged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personnel_recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"awarded_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "si_personnel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"driving_unit_id" uuid,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"province_code" smallint,
	"bio_th" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"is_mentor" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"mou_id" uuid,
	"kind" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"received_on" date,
	"programme_id" uuid,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"programme_id" uuid,
	"project_id" uuid,
	"driving_unit_id" uuid,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_mou_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mou_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_mous" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"driving_unit_id" uuid,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"scope_th" text DEFAULT '' NOT NULL,
	"scope_en" text DEFAULT '' NOT NULL,
	"signed_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sector" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"province_code" smallint,
	"website" text,
	"contact_email" text,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_th" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"driving_unit_id" uuid,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"sha256" text,
	"storage_key" text,
	"external_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"download_count" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_certificates" ADD CONSTRAINT "activity_certificates_registration_id_activity_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_facilitators" ADD CONSTRAINT "activity_facilitators_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_facilitators" ADD CONSTRAINT "activity_facilitators_person_id_si_personnel_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."si_personnel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_questionnaires" ADD CONSTRAINT "assessment_questionnaires_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_questionnaire_id_assessment_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."assessment_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driving_unit_profiles" ADD CONSTRAINT "driving_unit_profiles_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driving_unit_profiles" ADD CONSTRAINT "driving_unit_profiles_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driving_unit_targets" ADD CONSTRAINT "driving_unit_targets_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_mentor_id_si_personnel_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."si_personnel"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_request_id_mentoring_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentoring_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_mentor_id_si_personnel_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."si_personnel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_recognitions" ADD CONSTRAINT "personnel_recognitions_person_id_si_personnel_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."si_personnel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "si_personnel" ADD CONSTRAINT "si_personnel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "si_personnel" ADD CONSTRAINT "si_personnel_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "si_personnel" ADD CONSTRAINT "si_personnel_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_mou_id_partner_mous_id_fk" FOREIGN KEY ("mou_id") REFERENCES "public"."partner_mous"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contributions" ADD CONSTRAINT "partner_contributions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_mou_documents" ADD CONSTRAINT "partner_mou_documents_mou_id_partner_mous_id_fk" FOREIGN KEY ("mou_id") REFERENCES "public"."partner_mous"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_mou_documents" ADD CONSTRAINT "partner_mou_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_mous" ADD CONSTRAINT "partner_mous_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_mous" ADD CONSTRAINT "partner_mous_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_resources" ADD CONSTRAINT "knowledge_resources_driving_unit_id_driving_units_id_fk" FOREIGN KEY ("driving_unit_id") REFERENCES "public"."driving_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_resources" ADD CONSTRAINT "knowledge_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_starts_idx" ON "activities" USING btree ("driving_unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_public_idx" ON "activities" USING btree ("starts_at") WHERE status IN ('published', 'completed');--> statement-breakpoint
CREATE UNIQUE INDEX "activities_attendance_code_key" ON "activities" USING btree ("attendance_code");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_certificates_code_key" ON "activity_certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_certificates_registration_key" ON "activity_certificates" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_registrations_person_key" ON "activity_registrations" USING btree ("activity_id","user_id");--> statement-breakpoint
CREATE INDEX "activity_registrations_activity_idx" ON "activity_registrations" USING btree ("activity_id","status");--> statement-breakpoint
CREATE INDEX "activity_registrations_user_idx" ON "activity_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "assessment_questionnaires_cohort_idx" ON "assessment_questionnaires" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_responses_key" ON "assessment_responses" USING btree ("questionnaire_id","user_id","phase");--> statement-breakpoint
CREATE INDEX "cohorts_unit_fy_idx" ON "cohorts" USING btree ("driving_unit_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "mentoring_requests_unit_idx" ON "mentoring_requests" USING btree ("driving_unit_id","status");--> statement-breakpoint
CREATE INDEX "mentoring_requests_mentor_idx" ON "mentoring_requests" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_mentor_idx" ON "mentoring_sessions" USING btree ("mentor_id","held_on");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_request_idx" ON "mentoring_sessions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "personnel_recognitions_person_idx" ON "personnel_recognitions" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "si_personnel_user_key" ON "si_personnel" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "si_personnel_unit_idx" ON "si_personnel" USING btree ("driving_unit_id");--> statement-breakpoint
CREATE INDEX "partner_contributions_partner_idx" ON "partner_contributions" USING btree ("partner_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "partner_links_partner_idx" ON "partner_links" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_mou_documents_mou_idx" ON "partner_mou_documents" USING btree ("mou_id");--> statement-breakpoint
CREATE INDEX "partner_mous_partner_idx" ON "partner_mous" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partners_roles_idx" ON "partners" USING gin ("roles");--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "partners" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_resources_themes_idx" ON "knowledge_resources" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "knowledge_resources_search_idx" ON "knowledge_resources" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_resources_public_idx" ON "knowledge_resources" USING btree ("published_at") WHERE status = 'published';