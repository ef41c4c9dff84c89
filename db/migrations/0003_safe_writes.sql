ALTER TABLE "team_events" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "guest_shares_one_active_per_email" ON "guest_shares" USING btree ("team_id",lower("email")) WHERE "guest_shares"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_events_submission_key" ON "team_events" USING btree ("team_id","submission_key");