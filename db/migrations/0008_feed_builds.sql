CREATE TABLE "feed_builds" (
	"identity" text PRIMARY KEY NOT NULL,
	"first_served_at" timestamp with time zone DEFAULT now() NOT NULL
);
