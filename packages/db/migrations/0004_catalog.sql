CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."classification" AS ENUM('sativa', 'hybrid', 'indica', 'cbd', 'hemp', 'balanced');--> statement-breakpoint
CREATE TYPE "public"."feeling" AS ENUM('relaxed', 'happy', 'euphoric', 'focused', 'hungry', 'talkative', 'creative', 'sleepy', 'uplifted', 'calm');--> statement-breakpoint
CREATE TYPE "public"."flavor" AS ENUM('earthy', 'citrus', 'fruity', 'floral', 'cheese', 'diesel', 'spicy', 'sweet', 'pine', 'herbal');--> statement-breakpoint
CREATE TYPE "public"."product_category" AS ENUM('flower', 'cart', 'pre_roll', 'edible', 'concentrate', 'beverage', 'vape', 'topical', 'tincture', 'seed', 'seedling', 'accessory');--> statement-breakpoint
CREATE TYPE "public"."product_unit" AS ENUM('unit', 'gram', 'ounce', 'pound', 'eighth', 'sixteenth');--> statement-breakpoint
CREATE TYPE "public"."usage" AS ENUM('stress_relief', 'pain_relief', 'sleep', 'depression', 'muscle_relaxant', 'nausea', 'anxiety', 'appetite_stimulation');--> statement-breakpoint
CREATE TABLE "inventory_items" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"on_hand_qty" integer DEFAULT 0 NOT NULL,
	"reserved_qty" integer DEFAULT 0 NOT NULL,
	"low_stock_threshold" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_reserved_check" CHECK ("inventory_items"."reserved_qty" >= 0 and "inventory_items"."reserved_qty" <= "inventory_items"."on_hand_qty"),
	CONSTRAINT "inventory_threshold_check" CHECK ("inventory_items"."low_stock_threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"object_key" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_media_position_check" CHECK ("product_media"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_volume_discounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"min_qty" integer NOT NULL,
	"discount_percent" numeric(7, 4) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_volume_discounts_min_qty_check" CHECK ("product_volume_discounts"."min_qty" >= 1),
	CONSTRAINT "product_volume_discounts_percent_check" CHECK ("product_volume_discounts"."discount_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"body_html" text,
	"category" "product_category" NOT NULL,
	"feelings" "feeling"[] DEFAULT '{}' NOT NULL,
	"flavors" "flavor"[] DEFAULT '{}' NOT NULL,
	"usage" "usage"[] DEFAULT '{}' NOT NULL,
	"strain" text,
	"classification" "classification",
	"unit" "product_unit" NOT NULL,
	"moq" integer DEFAULT 1 NOT NULL,
	"max_qty" integer DEFAULT 0 NOT NULL,
	"price_cents" integer NOT NULL,
	"compare_at_price_cents" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_featured" boolean DEFAULT false NOT NULL,
	"thc_percent" numeric(5, 2),
	"cbd_percent" numeric(5, 2),
	"coa_media_id" uuid,
	"has_volume_discount" boolean DEFAULT false NOT NULL,
	"batch_id" text,
	"metric_tag" text,
	"barcode" text,
	"packaging_type" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(strain, '') || ' ' || coalesce(sku, '')), 'B') || setweight(to_tsvector('english', coalesce(subtitle, '')), 'C')) STORED,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_moq_check" CHECK ("products"."moq" >= 1),
	CONSTRAINT "products_max_qty_check" CHECK ("products"."max_qty" = 0 or "products"."max_qty" >= "products"."moq"),
	CONSTRAINT "products_price_check" CHECK ("products"."price_cents" >= 0),
	CONSTRAINT "products_compare_at_check" CHECK ("products"."compare_at_price_cents" is null or "products"."compare_at_price_cents" >= 0),
	CONSTRAINT "products_thc_check" CHECK ("products"."thc_percent" is null or "products"."thc_percent" between 0 and 100),
	CONSTRAINT "products_cbd_check" CHECK ("products"."cbd_percent" is null or "products"."cbd_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_volume_discounts" ADD CONSTRAINT "product_volume_discounts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_volume_discounts" ADD CONSTRAINT "product_volume_discounts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_coa_media_id_media_id_fk" FOREIGN KEY ("coa_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_media_position_key" ON "product_media" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_media_media_idx" ON "product_media" USING btree ("media_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_volume_discounts_tier_key" ON "product_volume_discounts" USING btree ("product_id","min_qty");--> statement-breakpoint
CREATE INDEX "products_store_created_idx" ON "products" USING btree ("store_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "products_title_trgm_idx" ON "products" USING gin ("title" gin_trgm_ops);