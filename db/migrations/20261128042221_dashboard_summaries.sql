CREATE TABLE "call_pipeline_counts" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"proposals" integer DEFAULT 0 NOT NULL,
	"eligible_proposals" integer DEFAULT 0 NOT NULL,
	"requested_satang" bigint DEFAULT 0 NOT NULL,
	"awards" integer DEFAULT 0 NOT NULL,
	"notified_awards" integer DEFAULT 0 NOT NULL,
	"awarded_satang" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_adoption_tallies" (
	"innovation_id" uuid NOT NULL,
	"province_code" smallint NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"adoptions" integer NOT NULL,
	"counted_adoptions" integer NOT NULL,
	"beneficiaries" bigint NOT NULL,
	"is_published" boolean NOT NULL,
	"programme_id" uuid,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "coverage_adoption_tallies_innovation_id_province_code_fiscal_year_pk" PRIMARY KEY("innovation_id","province_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "project_indicator_rollups" (
	"project_indicator_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"value_count" integer NOT NULL,
	"verified_count" integer NOT NULL,
	"verified_sum" numeric NOT NULL,
	"verified_latest" numeric,
	"verified_latest_period_end" date
);
--> statement-breakpoint
ALTER TABLE "call_pipeline_counts" ADD CONSTRAINT "call_pipeline_counts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_adoption_tallies" ADD CONSTRAINT "coverage_adoption_tallies_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_rollups" ADD CONSTRAINT "project_indicator_rollups_project_indicator_id_project_indicators_id_fk" FOREIGN KEY ("project_indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicator_rollups" ADD CONSTRAINT "project_indicator_rollups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_indicator_rollups_project_idx" ON "project_indicator_rollups" USING btree ("project_id");--> statement-breakpoint
-- The dashboards' summaries (src/server/db/schema/summaries.ts), kept up to date by triggers in the transaction of
-- every write, and rebuilt from scratch by rebuild_dashboard_summaries() (below; also after a bulk load).
CREATE FUNCTION refresh_project_indicator_rollups(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per project indicator at a time; the figures are read after the lock, so they include what a
  -- transaction that held it committed.
  PERFORM 1 FROM project_indicators WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  INSERT INTO project_indicator_rollups AS r
      (project_indicator_id, project_id, value_count, verified_count, verified_sum, verified_latest,
       verified_latest_period_end)
    SELECT v.project_indicator_id, i.project_id, count(*)::int,
           (count(*) FILTER (WHERE v.status = 'verified'))::int,
           coalesce(sum(v.value) FILTER (WHERE v.status = 'verified'), 0),
           (array_agg(v.value ORDER BY v.period_end DESC, v.created_at DESC) FILTER (WHERE v.status = 'verified'))[1],
           max(v.period_end) FILTER (WHERE v.status = 'verified')
      FROM project_indicator_values v
      JOIN project_indicators i ON i.id = v.project_indicator_id
     WHERE v.project_indicator_id = ANY(ids)
     GROUP BY v.project_indicator_id, i.project_id
  ON CONFLICT (project_indicator_id) DO UPDATE SET
    project_id = excluded.project_id, value_count = excluded.value_count, verified_count = excluded.verified_count,
    verified_sum = excluded.verified_sum, verified_latest = excluded.verified_latest,
    verified_latest_period_end = excluded.verified_latest_period_end;
  DELETE FROM project_indicator_rollups r
   WHERE r.project_indicator_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM project_indicator_values v WHERE v.project_indicator_id = r.project_indicator_id);
END;
$$;--> statement-breakpoint
CREATE FUNCTION project_indicator_values_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM project_indicator_rollups;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT project_indicator_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT project_indicator_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT c.id) INTO ids
      FROM (SELECT project_indicator_id AS id FROM old_rows UNION SELECT project_indicator_id FROM new_rows) c;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM refresh_project_indicator_rollups(ids);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER project_indicator_values_rollup_insert AFTER INSERT ON project_indicator_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_values_rollup();--> statement-breakpoint
CREATE TRIGGER project_indicator_values_rollup_update AFTER UPDATE ON project_indicator_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_values_rollup();--> statement-breakpoint
CREATE TRIGGER project_indicator_values_rollup_delete AFTER DELETE ON project_indicator_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_values_rollup();--> statement-breakpoint
CREATE TRIGGER project_indicator_values_rollup_truncate AFTER TRUNCATE ON project_indicator_values
  FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_values_rollup();--> statement-breakpoint
CREATE FUNCTION project_indicators_rollup_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_indicator_rollups SET project_id = NEW.project_id WHERE project_indicator_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER project_indicators_rollup_project AFTER UPDATE OF project_id ON project_indicators
  FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)
  EXECUTE FUNCTION project_indicators_rollup_project();--> statement-breakpoint
CREATE FUNCTION bump_call_pipeline(p_call uuid, d_proposals int, d_eligible int, d_requested bigint, d_awards int,
    d_notified int, d_awarded bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO call_pipeline_counts AS c
      (call_id, proposals, eligible_proposals, requested_satang, awards, notified_awards, awarded_satang)
    SELECT p_call, d_proposals, d_eligible, d_requested, d_awards, d_notified, d_awarded
     WHERE EXISTS (SELECT 1 FROM calls WHERE id = p_call)
  ON CONFLICT (call_id) DO UPDATE SET
    proposals = c.proposals + excluded.proposals,
    eligible_proposals = c.eligible_proposals + excluded.eligible_proposals,
    requested_satang = c.requested_satang + excluded.requested_satang,
    awards = c.awards + excluded.awards,
    notified_awards = c.notified_awards + excluded.notified_awards,
    awarded_satang = c.awarded_satang + excluded.awarded_satang;
  DELETE FROM call_pipeline_counts c
   WHERE c.call_id = p_call AND c.proposals = 0 AND c.eligible_proposals = 0 AND c.requested_satang = 0
     AND c.awards = 0 AND c.notified_awards = 0 AND c.awarded_satang = 0;
END;
$$;--> statement-breakpoint
CREATE FUNCTION proposals_pipeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'draft' AND OLD.submitted_at IS NOT NULL AND OLD.stage <> 'full' THEN
    PERFORM bump_call_pipeline(OLD.call_id, -1, -(CASE WHEN OLD.is_eligible = 1 THEN 1 ELSE 0 END),
      -OLD.requested_satang, 0, 0, 0);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status <> 'draft' AND NEW.submitted_at IS NOT NULL AND NEW.stage <> 'full' THEN
    PERFORM bump_call_pipeline(NEW.call_id, 1, CASE WHEN NEW.is_eligible = 1 THEN 1 ELSE 0 END,
      NEW.requested_satang, 0, 0, 0);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER proposals_pipeline_insert_delete AFTER INSERT OR DELETE ON proposals
  FOR EACH ROW EXECUTE FUNCTION proposals_pipeline();--> statement-breakpoint
CREATE TRIGGER proposals_pipeline_update AFTER UPDATE ON proposals FOR EACH ROW
  WHEN ((OLD.call_id, OLD.status, OLD.submitted_at, OLD.stage, OLD.is_eligible, OLD.requested_satang)
        IS DISTINCT FROM (NEW.call_id, NEW.status, NEW.submitted_at, NEW.stage, NEW.is_eligible, NEW.requested_satang))
  EXECUTE FUNCTION proposals_pipeline();--> statement-breakpoint
CREATE FUNCTION decisions_pipeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.outcome = 'award' THEN
    PERFORM bump_call_pipeline(OLD.call_id, 0, 0, 0, -1, -(CASE WHEN OLD.notified_at IS NOT NULL THEN 1 ELSE 0 END),
      -coalesce(OLD.amount_satang, 0));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.outcome = 'award' THEN
    PERFORM bump_call_pipeline(NEW.call_id, 0, 0, 0, 1, CASE WHEN NEW.notified_at IS NOT NULL THEN 1 ELSE 0 END,
      coalesce(NEW.amount_satang, 0));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER decisions_pipeline_insert_delete AFTER INSERT OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION decisions_pipeline();--> statement-breakpoint
CREATE TRIGGER decisions_pipeline_update AFTER UPDATE ON decisions FOR EACH ROW
  WHEN ((OLD.call_id, OLD.outcome, OLD.notified_at IS NULL, OLD.amount_satang)
        IS DISTINCT FROM (NEW.call_id, NEW.outcome, NEW.notified_at IS NULL, NEW.amount_satang))
  EXECUTE FUNCTION decisions_pipeline();--> statement-breakpoint
CREATE FUNCTION adoption_beneficiaries(beneficiaries jsonb) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(sum((b ->> 'count')::bigint), 0)::bigint FROM jsonb_array_elements(beneficiaries) b
$$;--> statement-breakpoint
CREATE FUNCTION fiscal_year_of(day date) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (extract(year FROM day + interval '3 months')::int + 543)::smallint
$$;--> statement-breakpoint
CREATE FUNCTION bump_coverage_adoption(p_innovation uuid, p_province smallint, p_fiscal_year smallint, d_adoptions int,
    d_counted int, d_beneficiaries bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_adoption_tallies AS t
      (innovation_id, province_code, fiscal_year, adoptions, counted_adoptions, beneficiaries, is_published,
       programme_id, themes)
    SELECT i.id, p_province, p_fiscal_year, d_adoptions, d_counted, d_beneficiaries, i.status = 'published',
           coalesce(i.programme_id, c.programme_id), i.themes
      FROM innovations i
      LEFT JOIN projects p ON p.id = i.project_id
      LEFT JOIN calls c ON c.id = p.call_id
     WHERE i.id = p_innovation
  ON CONFLICT (innovation_id, province_code, fiscal_year) DO UPDATE SET
    adoptions = t.adoptions + excluded.adoptions,
    counted_adoptions = t.counted_adoptions + excluded.counted_adoptions,
    beneficiaries = t.beneficiaries + excluded.beneficiaries;
  DELETE FROM coverage_adoption_tallies t
   WHERE t.innovation_id = p_innovation AND t.province_code = p_province AND t.fiscal_year = p_fiscal_year
     AND t.adoptions = 0;
END;
$$;--> statement-breakpoint
CREATE FUNCTION adoptions_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.adopted_on IS NOT NULL THEN
    PERFORM bump_coverage_adoption(OLD.innovation_id, OLD.province_code, fiscal_year_of(OLD.adopted_on), -1,
      -(CASE WHEN OLD.status IN ('adopted', 'sustained') THEN 1 ELSE 0 END), -adoption_beneficiaries(OLD.beneficiaries));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.adopted_on IS NOT NULL THEN
    PERFORM bump_coverage_adoption(NEW.innovation_id, NEW.province_code, fiscal_year_of(NEW.adopted_on), 1,
      CASE WHEN NEW.status IN ('adopted', 'sustained') THEN 1 ELSE 0 END, adoption_beneficiaries(NEW.beneficiaries));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER adoptions_coverage_insert_delete AFTER INSERT OR DELETE ON adoptions
  FOR EACH ROW EXECUTE FUNCTION adoptions_coverage();--> statement-breakpoint
CREATE TRIGGER adoptions_coverage_update AFTER UPDATE ON adoptions FOR EACH ROW
  WHEN ((OLD.innovation_id, OLD.province_code, OLD.adopted_on, OLD.status, OLD.beneficiaries)
        IS DISTINCT FROM (NEW.innovation_id, NEW.province_code, NEW.adopted_on, NEW.status, NEW.beneficiaries))
  EXECUTE FUNCTION adoptions_coverage();--> statement-breakpoint
CREATE FUNCTION sync_coverage_innovations(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE coverage_adoption_tallies t
     SET is_published = s.is_published, programme_id = s.programme_id, themes = s.themes
    FROM (SELECT i.id, i.status = 'published' AS is_published, coalesce(i.programme_id, c.programme_id) AS programme_id,
                 i.themes
            FROM innovations i
            LEFT JOIN projects p ON p.id = i.project_id
            LEFT JOIN calls c ON c.id = p.call_id
           WHERE i.id = ANY(ids)) s
   WHERE t.innovation_id = s.id
     AND (t.is_published, t.programme_id, t.themes) IS DISTINCT FROM (s.is_published, s.programme_id, s.themes);
END;
$$;--> statement-breakpoint
CREATE FUNCTION innovations_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'innovations' THEN
    PERFORM sync_coverage_innovations(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'projects' THEN
    PERFORM sync_coverage_innovations(ARRAY(SELECT id FROM innovations WHERE project_id = NEW.id));
  ELSE
    PERFORM sync_coverage_innovations(ARRAY(
      SELECT i.id FROM innovations i JOIN projects p ON p.id = i.project_id WHERE p.call_id = NEW.id));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER innovations_coverage AFTER UPDATE ON innovations FOR EACH ROW
  WHEN ((OLD.status, OLD.programme_id, OLD.project_id, OLD.themes)
        IS DISTINCT FROM (NEW.status, NEW.programme_id, NEW.project_id, NEW.themes))
  EXECUTE FUNCTION innovations_coverage();--> statement-breakpoint
CREATE TRIGGER projects_coverage AFTER UPDATE OF call_id ON projects FOR EACH ROW
  WHEN (OLD.call_id IS DISTINCT FROM NEW.call_id) EXECUTE FUNCTION innovations_coverage();--> statement-breakpoint
CREATE TRIGGER calls_coverage AFTER UPDATE OF programme_id ON calls FOR EACH ROW
  WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id) EXECUTE FUNCTION innovations_coverage();--> statement-breakpoint
CREATE FUNCTION rebuild_dashboard_summaries() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM project_indicator_rollups;
  INSERT INTO project_indicator_rollups
      (project_indicator_id, project_id, value_count, verified_count, verified_sum, verified_latest,
       verified_latest_period_end)
    SELECT v.project_indicator_id, i.project_id, count(*)::int,
           (count(*) FILTER (WHERE v.status = 'verified'))::int,
           coalesce(sum(v.value) FILTER (WHERE v.status = 'verified'), 0),
           (array_agg(v.value ORDER BY v.period_end DESC, v.created_at DESC) FILTER (WHERE v.status = 'verified'))[1],
           max(v.period_end) FILTER (WHERE v.status = 'verified')
      FROM project_indicator_values v
      JOIN project_indicators i ON i.id = v.project_indicator_id
     GROUP BY v.project_indicator_id, i.project_id;
  DELETE FROM call_pipeline_counts;
  INSERT INTO call_pipeline_counts
      (call_id, proposals, eligible_proposals, requested_satang, awards, notified_awards, awarded_satang)
    SELECT c.id, coalesce(p.proposals, 0), coalesce(p.eligible, 0), coalesce(p.requested, 0),
           coalesce(d.awards, 0), coalesce(d.notified, 0), coalesce(d.awarded, 0)
      FROM calls c
      LEFT JOIN (SELECT call_id, count(*)::int AS proposals,
                        (count(*) FILTER (WHERE is_eligible = 1))::int AS eligible,
                        sum(requested_satang)::bigint AS requested
                   FROM proposals
                  WHERE status <> 'draft' AND submitted_at IS NOT NULL AND stage <> 'full'
                  GROUP BY call_id) p ON p.call_id = c.id
      LEFT JOIN (SELECT call_id, count(*)::int AS awards,
                        (count(*) FILTER (WHERE notified_at IS NOT NULL))::int AS notified,
                        coalesce(sum(amount_satang), 0)::bigint AS awarded
                   FROM decisions
                  WHERE outcome = 'award'
                  GROUP BY call_id) d ON d.call_id = c.id
     WHERE p.call_id IS NOT NULL OR d.call_id IS NOT NULL;
  DELETE FROM coverage_adoption_tallies;
  INSERT INTO coverage_adoption_tallies
      (innovation_id, province_code, fiscal_year, adoptions, counted_adoptions, beneficiaries, is_published,
       programme_id, themes)
    SELECT a.innovation_id, a.province_code, a.fiscal_year, a.adoptions, a.counted, a.beneficiaries,
           i.status = 'published', coalesce(i.programme_id, c.programme_id), i.themes
      FROM (SELECT innovation_id, province_code, fiscal_year_of(adopted_on) AS fiscal_year, count(*)::int AS adoptions,
                   (count(*) FILTER (WHERE status IN ('adopted', 'sustained')))::int AS counted,
                   sum(adoption_beneficiaries(beneficiaries))::bigint AS beneficiaries
              FROM adoptions
             WHERE adopted_on IS NOT NULL
             GROUP BY 1, 2, 3) a
      JOIN innovations i ON i.id = a.innovation_id
      LEFT JOIN projects p ON p.id = i.project_id
      LEFT JOIN calls c ON c.id = p.call_id;
END;
$$;--> statement-breakpoint
SELECT rebuild_dashboard_summaries();--> statement-breakpoint
ANALYZE project_indicator_rollups;--> statement-breakpoint
ANALYZE call_pipeline_counts;--> statement-breakpoint
ANALYZE coverage_adoption_tallies;
