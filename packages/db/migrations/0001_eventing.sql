CREATE TYPE "public"."notification_type" AS ENUM('system_announcement', 'market_update', 'security_alert', 'order_alert', 'compliance');--> statement-breakpoint
CREATE TABLE "consumer_receipts" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumer_receipts_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "event_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"ordering_key" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"visible_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acked_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid,
	"audience" text NOT NULL,
	"type" "notification_type" NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"link" text,
	"source_event_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_dlq" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_event_id" uuid,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"consumer" text,
	"payload" jsonb NOT NULL,
	"reason" text NOT NULL,
	"error_message" text,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"replay_count" integer DEFAULT 0 NOT NULL,
	"replayed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"event_version" integer NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"dead_lettered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consumer_receipts_processed_idx" ON "consumer_receipts" USING btree ("processed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_deliveries_subscription_event_key" ON "event_deliveries" USING btree ("subscription","event_id");--> statement-breakpoint
CREATE INDEX "event_deliveries_ready_idx" ON "event_deliveries" USING btree ("subscription","visible_at") WHERE "event_deliveries"."acked_at" is null;--> statement-breakpoint
CREATE INDEX "event_deliveries_acked_idx" ON "event_deliveries" USING btree ("acked_at") WHERE "event_deliveries"."acked_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_store_created_idx" ON "notifications" USING btree ("store_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_store_unread_idx" ON "notifications" USING btree ("store_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_audience_created_idx" ON "notifications" USING btree ("audience","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dlq_event_consumer_key" ON "outbox_dlq" USING btree ("event_id",coalesce("consumer", ''));--> statement-breakpoint
CREATE INDEX "outbox_dlq_created_idx" ON "outbox_dlq" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_events_event_id_key" ON "outbox_events" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_events_dedupe_key" ON "outbox_events" USING btree ("dedupe_key") WHERE "outbox_events"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("next_attempt_at","created_at") WHERE "outbox_events"."published_at" is null and "outbox_events"."dead_lettered_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_events_published_idx" ON "outbox_events" USING btree ("published_at") WHERE "outbox_events"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_events_aggregate_idx" ON "outbox_events" USING btree ("aggregate_type","aggregate_id","created_at");