-- When events may read differently without their rows changing (a new time zone, a change of who
-- sees what), each event's SEQUENCE and LAST-MODIFIED in the feed move with this. Existing
-- calendars start at 0 and the epoch, so that no feed changes by this migration alone.
ALTER TABLE "calendars" ADD COLUMN "presentation_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "presentation_changed_at" timestamp with time zone DEFAULT 'epoch' NOT NULL;
