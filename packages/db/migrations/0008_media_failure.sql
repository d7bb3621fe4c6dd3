ALTER TABLE "media" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "failure_message" text;