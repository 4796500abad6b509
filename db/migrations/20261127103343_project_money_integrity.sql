-- Money of a grant project: integers in satang that never go negative, instalments and budget lines that sum exactly
-- to the award, payments that never exceed it. Services lock the project row for each money change; these checks run
-- at commit (deferred), so a transaction may rearrange amounts freely but can never commit a broken sum.
ALTER TABLE "projects" ADD CONSTRAINT "projects_award_positive" CHECK ("award_satang" > 0);--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_srl_range" CHECK (("srl_start" IS NULL OR "srl_start" BETWEEN 1 AND 9) AND ("srl_target" IS NULL OR "srl_target" BETWEEN 1 AND 9));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_period" CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "ends_on" > "starts_on");--> statement-breakpoint
ALTER TABLE "project_budget_lines" ADD CONSTRAINT "project_budget_lines_amounts" CHECK ("planned_satang" >= 0 AND "approved_satang" >= 0);--> statement-breakpoint
ALTER TABLE "project_instalments" ADD CONSTRAINT "project_instalments_amounts" CHECK ("amount_satang" > 0 AND "withheld_satang" >= 0 AND ("paid_satang" IS NULL OR ("paid_satang" >= 0 AND "paid_satang" + "withheld_satang" <= "amount_satang")));--> statement-breakpoint
ALTER TABLE "project_instalments" ADD CONSTRAINT "project_instalments_paid_state" CHECK (("status" = 'paid') = ("paid_satang" IS NOT NULL AND "paid_on" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "project_report_expenditures" ADD CONSTRAINT "project_report_expenditures_amount" CHECK ("spent_satang" >= 0);--> statement-breakpoint
ALTER TABLE "project_report_milestones" ADD CONSTRAINT "project_report_milestones_percent" CHECK ("completion_percent" BETWEEN 0 AND 100);--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_srl_range" CHECK ("srl_level" IS NULL OR "srl_level" BETWEEN 1 AND 9);--> statement-breakpoint
ALTER TABLE "project_reallocations" ADD CONSTRAINT "project_reallocations_amount" CHECK ("amount_satang" > 0 AND "from_line_id" <> "to_line_id");--> statement-breakpoint
CREATE FUNCTION check_project_money() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pid uuid;
  award bigint;
  instalment_sum bigint;
  paid_sum bigint;
  line_sum bigint;
BEGIN
  IF TG_TABLE_NAME = 'projects' THEN
    pid := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    pid := OLD.project_id;
  ELSE
    pid := NEW.project_id;
  END IF;
  SELECT award_satang INTO award FROM projects WHERE id = pid;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum(amount_satang), 0), coalesce(sum(paid_satang), 0) INTO instalment_sum, paid_sum
    FROM project_instalments WHERE project_id = pid;
  SELECT coalesce(sum(approved_satang), 0) INTO line_sum FROM project_budget_lines WHERE project_id = pid;
  IF instalment_sum <> award THEN
    RAISE EXCEPTION 'instalments of project % sum to % satang, not the award of % satang', pid, instalment_sum, award
      USING ERRCODE = '23514';
  END IF;
  IF paid_sum > award THEN
    RAISE EXCEPTION 'payments of project % sum to % satang, more than the award of % satang', pid, paid_sum, award
      USING ERRCODE = '23514';
  END IF;
  IF line_sum <> award THEN
    RAISE EXCEPTION 'budget lines of project % sum to % satang, not the award of % satang', pid, line_sum, award
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER project_instalments_money AFTER INSERT OR UPDATE OR DELETE ON project_instalments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_project_money();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER project_budget_lines_money AFTER INSERT OR UPDATE OR DELETE ON project_budget_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_project_money();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER projects_money AFTER INSERT OR UPDATE OF award_satang ON projects
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_project_money();
