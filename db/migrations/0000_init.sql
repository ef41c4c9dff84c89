CREATE TYPE "public"."absence_status" AS ENUM('pending', 'approved', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('manager', 'member');--> statement-breakpoint
CREATE TYPE "public"."privacy_level" AS ENUM('full', 'standard', 'busy');--> statement-breakpoint
CREATE TYPE "public"."token_kind" AS ENUM('personal', 'public', 'guest');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'member');--> statement-breakpoint
CREATE TABLE "absence_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"color" text NOT NULL,
	"is_private" boolean DEFAULT false NOT NULL,
	"counts_against_allowance" boolean DEFAULT false NOT NULL,
	"requires_approval" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_types_key_format" CHECK ("absence_types"."key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "absence_types_color_format" CHECK ("absence_types"."color" ~ '^#[0-9a-fA-F]{6}$'),
	CONSTRAINT "absence_types_label_length" CHECK (char_length("absence_types"."label") between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"half_day_start" boolean DEFAULT false NOT NULL,
	"half_day_end" boolean DEFAULT false NOT NULL,
	"status" "absence_status" DEFAULT 'pending' NOT NULL,
	"note" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_end_after_start" CHECK ("absences"."end_date" >= "absences"."start_date"),
	CONSTRAINT "absences_single_day_one_half" CHECK (not ("absences"."start_date" = "absences"."end_date" and "absences"."half_day_start" and "absences"."half_day_end")),
	CONSTRAINT "absences_note_length" CHECK (char_length("absences"."note") <= 500),
	CONSTRAINT "absences_decision_reason_length" CHECK (char_length("absences"."decision_reason") <= 500),
	CONSTRAINT "absences_sequence_positive" CHECK ("absences"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "allowances" (
	"user_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"days" numeric(5, 1) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowances_user_id_year_pk" PRIMARY KEY("user_id","year"),
	CONSTRAINT "allowances_year_range" CHECK ("allowances"."year" between 2000 and 2100),
	CONSTRAINT "allowances_days_range" CHECK ("allowances"."days" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"team_id" uuid,
	"ip" text,
	"user_agent" text,
	"details" jsonb,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z_]+(\.[a-z_]+)+$')
);
--> statement-breakpoint
CREATE TABLE "feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "token_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"display_prefix" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"guest_share_id" uuid,
	"privacy" "privacy_level" DEFAULT 'standard' NOT NULL,
	"include_pending" boolean DEFAULT false NOT NULL,
	"absence_type_ids" uuid[],
	"include_team_events" boolean DEFAULT true NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"revoke_reason" text,
	"replaced_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"last_used_user_agent" text,
	"use_count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "feed_tokens_hash_format" CHECK ("feed_tokens"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "feed_tokens_guest_share" CHECK (("feed_tokens"."kind" = 'guest') = ("feed_tokens"."guest_share_id" is not null)),
	CONSTRAINT "feed_tokens_expiry" CHECK ("feed_tokens"."expires_at" is null or "feed_tokens"."expires_at" > "feed_tokens"."created_at"),
	CONSTRAINT "feed_tokens_only_public_never_expires" CHECK ("feed_tokens"."expires_at" is not null or "feed_tokens"."kind" = 'public'),
	CONSTRAINT "feed_tokens_label_length" CHECK (char_length("feed_tokens"."label") <= 100),
	CONSTRAINT "feed_tokens_revoke_reason_length" CHECK (char_length("feed_tokens"."revoke_reason") <= 500),
	CONSTRAINT "feed_tokens_use_count_positive" CHECK ("feed_tokens"."use_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "guest_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"email" text NOT NULL,
	"label" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"password_hash" text,
	"setup_hash" text,
	"setup_expires_at" timestamp with time zone,
	"setup_completed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guest_shares_email_normalised" CHECK ("guest_shares"."email" = lower("guest_shares"."email") and "guest_shares"."email" like '%_@_%'),
	CONSTRAINT "guest_shares_label_length" CHECK (char_length("guest_shares"."label") between 1 and 100),
	CONSTRAINT "guest_shares_setup_pair" CHECK (("guest_shares"."setup_hash" is null) = ("guest_shares"."setup_expires_at" is null))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"max_token_lifetime_days" integer DEFAULT 183 NOT NULL,
	"public_links_allowed" boolean DEFAULT true NOT NULL,
	"never_expiring_links_allowed" boolean DEFAULT false NOT NULL,
	"guest_shares_allowed" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "policy_single_row" CHECK ("policy"."id" = 1),
	CONSTRAINT "policy_lifetime_range" CHECK ("policy"."max_token_lifetime_days" between 1 and 3660)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" text,
	"all_day" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"time_zone" text NOT NULL,
	"status" "event_status" DEFAULT 'confirmed' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_events_end_after_start" CHECK ("team_events"."end_date" >= "team_events"."start_date"),
	CONSTRAINT "team_events_timing" CHECK (("team_events"."all_day" and "team_events"."starts_at" is null and "team_events"."ends_at" is null)
        or (not "team_events"."all_day" and "team_events"."starts_at" is not null and "team_events"."ends_at" > "team_events"."starts_at")),
	CONSTRAINT "team_events_title_length" CHECK (char_length("team_events"."title") between 1 and 200),
	CONSTRAINT "team_events_description_length" CHECK (char_length("team_events"."description") <= 4000),
	CONSTRAINT "team_events_location_length" CHECK (char_length("team_events"."location") <= 500),
	CONSTRAINT "team_events_sequence_positive" CHECK ("team_events"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"calendar_version" bigint DEFAULT 1 NOT NULL,
	"calendar_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_slug_format" CHECK ("teams"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "teams_name_length" CHECK (char_length("teams"."name") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"password_hash" text,
	"password_setup_hash" text,
	"password_setup_expires_at" timestamp with time zone,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_normalised" CHECK ("users"."email" = lower("users"."email") and "users"."email" like '%_@_%'),
	CONSTRAINT "users_name_length" CHECK (char_length("users"."name") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_type_id_absence_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."absence_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowances" ADD CONSTRAINT "allowances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_guest_share_id_guest_shares_id_fk" FOREIGN KEY ("guest_share_id") REFERENCES "public"."guest_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_shares" ADD CONSTRAINT "guest_shares_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_shares" ADD CONSTRAINT "guest_shares_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest_shares" ADD CONSTRAINT "guest_shares_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy" ADD CONSTRAINT "policy_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_events" ADD CONSTRAINT "team_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_events" ADD CONSTRAINT "team_events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "absence_types_key_key" ON "absence_types" USING btree ("key");--> statement-breakpoint
CREATE INDEX "absences_user_dates_idx" ON "absences" USING btree ("user_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "absences_dates_idx" ON "absences" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_token_hash_key" ON "feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_one_active_personal" ON "feed_tokens" USING btree ("owner_id","team_id") WHERE "feed_tokens"."kind" = 'personal' and "feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "feed_tokens_team_idx" ON "feed_tokens" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "feed_tokens_owner_idx" ON "feed_tokens" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "feed_tokens_last_used_idx" ON "feed_tokens" USING btree ("last_used_at");--> statement-breakpoint
CREATE UNIQUE INDEX "guest_shares_setup_hash_key" ON "guest_shares" USING btree ("setup_hash");--> statement-breakpoint
CREATE INDEX "guest_shares_team_idx" ON "guest_shares" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_ends_at");--> statement-breakpoint
CREATE INDEX "team_events_team_dates_idx" ON "team_events" USING btree ("team_id","start_date","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_slug_key" ON "teams" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_password_setup_hash_key" ON "users" USING btree ("password_setup_hash");