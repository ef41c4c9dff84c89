DROP INDEX "feed_tokens_last_used_idx";--> statement-breakpoint
CREATE INDEX "feed_tokens_created_order_idx" ON "feed_tokens" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "feed_tokens_last_used_order_idx" ON "feed_tokens" USING btree (coalesce("last_used_at", '-infinity'::timestamptz),"id");