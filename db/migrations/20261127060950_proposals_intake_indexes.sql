CREATE INDEX "proposals_intake_submitted_idx" ON "proposals" USING btree ("call_id",submitted_at DESC NULLS LAST,id DESC) WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "proposals_intake_requested_idx" ON "proposals" USING btree ("call_id","requested_satang","id") WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "proposals_intake_title_idx" ON "proposals" USING btree ("call_id","title_th","id") WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "proposals_intake_receipt_idx" ON "proposals" USING btree ("call_id","receipt_number","id") WHERE status <> 'draft';--> statement-breakpoint
CREATE INDEX "proposals_intake_eligibility_idx" ON "proposals" USING btree ("call_id","is_eligible","organisation_id") WHERE status <> 'draft';