CREATE TYPE "public"."over_allowance" AS ENUM('refuse', 'warn');--> statement-breakpoint
ALTER TABLE "absence_types" ADD COLUMN "over_allowance" "over_allowance" DEFAULT 'refuse' NOT NULL;--> statement-breakpoint
ALTER TABLE "allowances" ADD COLUMN "carry_over_max" numeric(5, 1) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "allowances" ADD COLUMN "carry_over_expires_on" date;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD COLUMN "include_holidays" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "holiday_country" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "holiday_region" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "minimum_present" smallint;--> statement-breakpoint
ALTER TABLE "allowances" ADD CONSTRAINT "allowances_carry_over_range" CHECK ("allowances"."carry_over_max" between 0 and 366);--> statement-breakpoint
ALTER TABLE "allowances" ADD CONSTRAINT "allowances_carry_over_expiry_in_year" CHECK ("allowances"."carry_over_expires_on" is null or extract(year from "allowances"."carry_over_expires_on") = "allowances"."year");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_holiday_country_format" CHECK ("teams"."holiday_country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_holiday_region_format" CHECK ("teams"."holiday_region" ~ '^[A-Za-z0-9]{1,10}$');--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_holiday_region_needs_country" CHECK ("teams"."holiday_region" is null or "teams"."holiday_country" is not null);--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_minimum_present_range" CHECK ("teams"."minimum_present" between 1 and 10000);