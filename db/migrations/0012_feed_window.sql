ALTER TABLE "feed_tokens" ADD COLUMN "window_basis" text;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD COLUMN "window_step" date;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD COLUMN "window_last_end" date;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD COLUMN "window_next_start" date;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_window_kept_whole" CHECK (("feed_tokens"."window_basis" is null) = ("feed_tokens"."window_step" is null));