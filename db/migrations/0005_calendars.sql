-- One sharing model: every link points at a calendar (a team's, a person's or a resource's), and
-- each calendar keeps its own version. Existing team links keep their ids, tokens, settings and
-- audit history; team events keep their ids, so feeds answer byte for byte as before.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TYPE "public"."calendar_kind" AS ENUM('team', 'person', 'resource');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('room', 'equipment', 'vehicle', 'other');--> statement-breakpoint
CREATE TYPE "public"."booking_policy" AS ENUM('instant', 'approval');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('requested', 'confirmed', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"location" text,
	"capacity" integer,
	"description" text,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"booking_policy" "booking_policy" DEFAULT 'instant' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_slug_format" CHECK ("resources"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "resources_name_length" CHECK (char_length("resources"."name") between 1 and 100),
	CONSTRAINT "resources_location_length" CHECK (char_length("resources"."location") <= 500),
	CONSTRAINT "resources_description_length" CHECK (char_length("resources"."description") <= 2000),
	CONSTRAINT "resources_capacity_range" CHECK ("resources"."capacity" between 1 and 10000)
);--> statement-breakpoint
CREATE UNIQUE INDEX "resources_slug_key" ON "resources" USING btree ("slug");--> statement-breakpoint
CREATE TABLE "resource_managers" (
	"resource_id" uuid NOT NULL REFERENCES "resources"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_managers_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id")
);--> statement-breakpoint
CREATE INDEX "resource_managers_user_idx" ON "resource_managers" USING btree ("user_id");--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "calendar_kind" NOT NULL,
	"team_id" uuid REFERENCES "teams"("id") ON DELETE cascade,
	"person_id" uuid REFERENCES "users"("id") ON DELETE cascade,
	"resource_id" uuid REFERENCES "resources"("id") ON DELETE cascade,
	"includes_own_absences" boolean DEFAULT false NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendars_one_subject" CHECK (("calendars"."kind" = 'team') = ("calendars"."team_id" is not null)
        and ("calendars"."kind" = 'person') = ("calendars"."person_id" is not null)
        and ("calendars"."kind" = 'resource') = ("calendars"."resource_id" is not null))
);--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_team_key" ON "calendars" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_person_key" ON "calendars" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_resource_key" ON "calendars" USING btree ("resource_id");--> statement-breakpoint
-- Every team, person and resource has its calendar from the moment it exists, whoever inserts it.
CREATE FUNCTION "calendars_create_for_subject"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "calendars" ("kind", "team_id", "person_id", "resource_id") VALUES (
    TG_ARGV[0]::"calendar_kind",
    CASE WHEN TG_ARGV[0] = 'team' THEN NEW."id" END,
    CASE WHEN TG_ARGV[0] = 'person' THEN NEW."id" END,
    CASE WHEN TG_ARGV[0] = 'resource' THEN NEW."id" END);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "teams_calendar" AFTER INSERT ON "teams"
  FOR EACH ROW EXECUTE FUNCTION "calendars_create_for_subject"('team');--> statement-breakpoint
CREATE TRIGGER "users_calendar" AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "calendars_create_for_subject"('person');--> statement-breakpoint
CREATE TRIGGER "resources_calendar" AFTER INSERT ON "resources"
  FOR EACH ROW EXECUTE FUNCTION "calendars_create_for_subject"('resource');--> statement-breakpoint
-- Existing teams keep their version, so no subscriber sees a change that did not happen.
INSERT INTO "calendars" ("kind", "team_id", "version", "updated_at")
  SELECT 'team', "id", "calendar_version", "calendar_updated_at" FROM "teams";--> statement-breakpoint
INSERT INTO "calendars" ("kind", "person_id") SELECT 'person', "id" FROM "users";--> statement-breakpoint
ALTER TABLE "teams" DROP COLUMN "calendar_version";--> statement-breakpoint
ALTER TABLE "teams" DROP COLUMN "calendar_updated_at";--> statement-breakpoint
-- Team events become the events of the team's calendar, ids unchanged (their UIDs derive from them).
ALTER TABLE "team_events" RENAME TO "calendar_events";--> statement-breakpoint
ALTER TABLE "calendar_events" ADD COLUMN "calendar_id" uuid REFERENCES "calendars"("id");--> statement-breakpoint
UPDATE "calendar_events" AS "e" SET "calendar_id" = "c"."id"
  FROM "calendars" AS "c" WHERE "c"."team_id" = "e"."team_id";--> statement-breakpoint
ALTER TABLE "calendar_events" ALTER COLUMN "calendar_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "team_events_submission_key";--> statement-breakpoint
DROP INDEX "team_events_team_dates_idx";--> statement-breakpoint
DROP INDEX "team_events_team_start_id_idx";--> statement-breakpoint
ALTER TABLE "calendar_events" DROP COLUMN "team_id";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_pkey" TO "calendar_events_pkey";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_created_by_id_users_id_fk" TO "calendar_events_created_by_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_end_after_start" TO "calendar_events_end_after_start";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_timing" TO "calendar_events_timing";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_title_length" TO "calendar_events_title_length";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_description_length" TO "calendar_events_description_length";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_location_length" TO "calendar_events_location_length";--> statement-breakpoint
ALTER TABLE "calendar_events" RENAME CONSTRAINT "team_events_sequence_positive" TO "calendar_events_sequence_positive";--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_events_submission_key" ON "calendar_events" USING btree ("calendar_id","submission_key");--> statement-breakpoint
CREATE INDEX "calendar_events_calendar_dates_idx" ON "calendar_events" USING btree ("calendar_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "calendar_events_calendar_start_id_idx" ON "calendar_events" USING btree ("calendar_id","start_date","id");--> statement-breakpoint
-- Links and guest shares point at the team's calendar instead of the team.
ALTER TABLE "feed_tokens" ADD COLUMN "calendar_id" uuid REFERENCES "calendars"("id");--> statement-breakpoint
UPDATE "feed_tokens" AS "t" SET "calendar_id" = "c"."id"
  FROM "calendars" AS "c" WHERE "c"."team_id" = "t"."team_id";--> statement-breakpoint
ALTER TABLE "feed_tokens" ALTER COLUMN "calendar_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "feed_tokens_one_active_personal";--> statement-breakpoint
DROP INDEX "feed_tokens_team_idx";--> statement-breakpoint
ALTER TABLE "feed_tokens" DROP COLUMN "team_id";--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_one_active_personal" ON "feed_tokens" USING btree ("owner_id","calendar_id") WHERE "feed_tokens"."kind" = 'personal' and "feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "feed_tokens_calendar_idx" ON "feed_tokens" USING btree ("calendar_id");--> statement-breakpoint
ALTER TABLE "guest_shares" ADD COLUMN "calendar_id" uuid REFERENCES "calendars"("id");--> statement-breakpoint
UPDATE "guest_shares" AS "g" SET "calendar_id" = "c"."id"
  FROM "calendars" AS "c" WHERE "c"."team_id" = "g"."team_id";--> statement-breakpoint
ALTER TABLE "guest_shares" ALTER COLUMN "calendar_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "guest_shares_one_active_per_email";--> statement-breakpoint
DROP INDEX "guest_shares_team_idx";--> statement-breakpoint
ALTER TABLE "guest_shares" DROP COLUMN "team_id";--> statement-breakpoint
CREATE UNIQUE INDEX "guest_shares_one_active_per_email" ON "guest_shares" USING btree ("calendar_id",lower("email")) WHERE "guest_shares"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "guest_shares_calendar_idx" ON "guest_shares" USING btree ("calendar_id");--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL REFERENCES "resources"("id"),
	"booked_by_id" uuid NOT NULL REFERENCES "users"("id"),
	"title" text NOT NULL,
	"note" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "booking_status" NOT NULL,
	"event_id" uuid REFERENCES "calendar_events"("id"),
	"decided_by_id" uuid REFERENCES "users"("id"),
	"sequence" integer DEFAULT 0 NOT NULL,
	"submission_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_end_after_start" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_title_length" CHECK (char_length("bookings"."title") between 1 and 200),
	CONSTRAINT "bookings_note_length" CHECK (char_length("bookings"."note") <= 1000),
	CONSTRAINT "bookings_sequence_positive" CHECK ("bookings"."sequence" >= 0),
	-- Two live bookings of one resource never overlap ('[)': one may start when another ends).
	CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
		"resource_id" WITH =,
		tstzrange("starts_at", "ends_at", '[)') WITH &&
	) WHERE ("status" IN ('requested', 'confirmed'))
);--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_submission_key" ON "bookings" USING btree ("resource_id","submission_key");--> statement-breakpoint
CREATE INDEX "bookings_resource_start_id_idx" ON "bookings" USING btree ("resource_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "bookings_booked_by_idx" ON "bookings" USING btree ("booked_by_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_event_idx" ON "bookings" USING btree ("event_id");
