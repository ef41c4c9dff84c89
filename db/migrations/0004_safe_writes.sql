ALTER TABLE "team_events" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
-- Only one active guest share per calendar and address from now on: where several exist, the
-- newest stays active and the older ones are revoked, as a manager would have done.
UPDATE "guest_shares" AS "older" SET "revoked_at" = now()
WHERE "older"."revoked_at" IS NULL AND EXISTS (
  SELECT 1 FROM "guest_shares" AS "newer"
  WHERE "newer"."team_id" = "older"."team_id" AND lower("newer"."email") = lower("older"."email")
    AND "newer"."revoked_at" IS NULL
    AND ("newer"."created_at", "newer"."id") > ("older"."created_at", "older"."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "guest_shares_one_active_per_email" ON "guest_shares" USING btree ("team_id",lower("email")) WHERE "guest_shares"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_events_submission_key" ON "team_events" USING btree ("team_id","submission_key");