CREATE INDEX "decisions_announced_awards_idx" ON "decisions" USING btree ("call_id","updated_at") WHERE outcome = 'award' AND notified_at IS NOT NULL;
