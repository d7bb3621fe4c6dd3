CREATE TYPE "public"."cart_item_status" AS ENUM('ok', 'not_available', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."cart_status" AS ENUM('active', 'converted');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('cash', 'ach');--> statement-breakpoint
CREATE TYPE "public"."promo_kind" AS ENUM('percent', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."vendor_group_status" AS ENUM('ok', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_status" AS ENUM('pending', 'partial', 'fulfilled');--> statement-breakpoint
CREATE TYPE "public"."ledger_event_type" AS ENUM('cash_collected', 'vendor_payout', 'adjustment', 'refund');--> statement-breakpoint
CREATE TYPE "public"."line_item_status" AS ENUM('pending', 'accepted', 'rejected', 'fulfilled', 'hold');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('unpaid', 'pending', 'settled', 'paid', 'failed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('none', 'partial', 'full');--> statement-breakpoint
CREATE TYPE "public"."shipping_status" AS ENUM('pending', 'dispatched', 'in_transit', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."vendor_order_status" AS ENUM('created_pending', 'accepted', 'partially_accepted', 'rejected', 'fulfilled', 'partially_fulfilled', 'ready_for_dispatch', 'hold', 'hold_on_payment', 'hold_for_pickup', 'in_transit', 'delivered', 'closed', 'canceled', 'expired');--> statement-breakpoint
CREATE SEQUENCE "public"."vendor_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "cart_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cart_id" uuid NOT NULL,
	"quote_version" integer NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"vendor_store_id" uuid NOT NULL,
	"vendor_store_name" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"sku" text DEFAULT '' NOT NULL,
	"thumbnail_media_id" uuid,
	"unit" "product_unit" DEFAULT 'unit' NOT NULL,
	"requested_quantity" integer NOT NULL,
	"quantity" integer NOT NULL,
	"moq" integer DEFAULT 1 NOT NULL,
	"max_qty" integer,
	"available_quantity" integer DEFAULT 0 NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"effective_unit_price_cents" integer DEFAULT 0 NOT NULL,
	"line_subtotal_cents" integer DEFAULT 0 NOT NULL,
	"line_discount_cents" integer DEFAULT 0 NOT NULL,
	"line_total_cents" integer DEFAULT 0 NOT NULL,
	"applied_tier" jsonb,
	"next_tier" jsonb,
	"status" "cart_item_status" DEFAULT 'ok' NOT NULL,
	"warnings" jsonb DEFAULT '[]' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_items_quantity_check" CHECK ("cart_items"."quantity" > 0 and "cart_items"."requested_quantity" > 0),
	CONSTRAINT "cart_items_money_check" CHECK ("cart_items"."unit_price_cents" >= 0 and "cart_items"."effective_unit_price_cents" between 0 and "cart_items"."unit_price_cents"
        and "cart_items"."line_subtotal_cents" = "cart_items"."unit_price_cents" * "cart_items"."quantity"
        and "cart_items"."line_total_cents" = "cart_items"."effective_unit_price_cents" * "cart_items"."quantity"
        and "cart_items"."line_discount_cents" = "cart_items"."line_subtotal_cents" - "cart_items"."line_total_cents")
);
--> statement-breakpoint
CREATE TABLE "cart_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_store_id" uuid NOT NULL,
	"status" "cart_status" DEFAULT 'active' NOT NULL,
	"quote_version" integer DEFAULT 1 NOT NULL,
	"checkout_group_id" uuid,
	"currency" text DEFAULT 'USD' NOT NULL,
	"quoted_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"subtotal_cents" integer DEFAULT 0 NOT NULL,
	"line_discounts_cents" integer DEFAULT 0 NOT NULL,
	"promo_discounts_cents" integer DEFAULT 0 NOT NULL,
	"discounts_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"shipping_address" jsonb,
	"billing_address" jsonb,
	"payment_method" "payment_method",
	"ad_tokens" text[] DEFAULT '{}' NOT NULL,
	"converted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_records_totals_check" CHECK ("cart_records"."subtotal_cents" >= 0 and "cart_records"."discounts_cents" >= 0 and "cart_records"."discounts_cents" <= "cart_records"."subtotal_cents"
        and "cart_records"."discounts_cents" = "cart_records"."line_discounts_cents" + "cart_records"."promo_discounts_cents"
        and "cart_records"."total_cents" = "cart_records"."subtotal_cents" - "cart_records"."discounts_cents"),
	CONSTRAINT "cart_records_converted_check" CHECK (("cart_records"."status" = 'converted') = ("cart_records"."converted_at" is not null and "cart_records"."checkout_group_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "cart_vendor_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cart_id" uuid NOT NULL,
	"quote_version" integer NOT NULL,
	"vendor_store_id" uuid NOT NULL,
	"vendor_store_name" text DEFAULT '' NOT NULL,
	"status" "vendor_group_status" DEFAULT 'ok' NOT NULL,
	"warnings" jsonb DEFAULT '[]' NOT NULL,
	"subtotal_cents" integer DEFAULT 0 NOT NULL,
	"line_discounts_cents" integer DEFAULT 0 NOT NULL,
	"promo_code" text,
	"promo" jsonb,
	"promo_discount_cents" integer DEFAULT 0 NOT NULL,
	"discounts_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_vendor_groups_totals_check" CHECK ("cart_vendor_groups"."discounts_cents" = "cart_vendor_groups"."line_discounts_cents" + "cart_vendor_groups"."promo_discount_cents" and "cart_vendor_groups"."promo_discount_cents" >= 0
        and "cart_vendor_groups"."discounts_cents" <= "cart_vendor_groups"."subtotal_cents" and "cart_vendor_groups"."total_cents" = "cart_vendor_groups"."subtotal_cents" - "cart_vendor_groups"."discounts_cents")
);
--> statement-breakpoint
CREATE TABLE "vendor_promos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_store_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "promo_kind" NOT NULL,
	"percent_bps" integer,
	"amount_cents" integer,
	"min_subtotal_cents" integer DEFAULT 0 NOT NULL,
	"usage_limit" integer,
	"used_count" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_promos_value_check" CHECK (("vendor_promos"."kind" = 'percent' and "vendor_promos"."percent_bps" between 1 and 10000 and "vendor_promos"."amount_cents" is null)
        or ("vendor_promos"."kind" = 'fixed' and "vendor_promos"."amount_cents" >= 1 and "vendor_promos"."percent_bps" is null)),
	CONSTRAINT "vendor_promos_usage_check" CHECK ("vendor_promos"."used_count" >= 0 and ("vendor_promos"."usage_limit" is null or ("vendor_promos"."usage_limit" >= 1 and "vendor_promos"."used_count" <= "vendor_promos"."usage_limit"))),
	CONSTRAINT "vendor_promos_min_subtotal_check" CHECK ("vendor_promos"."min_subtotal_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"buyer_store_id" uuid NOT NULL,
	"vendor_store_id" uuid NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"type" "ledger_event_type" NOT NULL,
	"amount_cents" integer NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"agent_user_id" uuid NOT NULL,
	"assigned_by_user_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unassigned_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"pickup_time" timestamp with time zone,
	"delivery_time" timestamp with time zone,
	"cash_pickup_time" timestamp with time zone,
	"pickup_signature_key" text,
	"delivery_signature_key" text,
	CONSTRAINT "order_assignments_active_check" CHECK ("order_assignments"."active" = ("order_assignments"."unassigned_at" is null))
);
--> statement-breakpoint
CREATE TABLE "order_line_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"product_id" uuid,
	"cart_item_id" uuid,
	"name" text NOT NULL,
	"sku" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"strain" text,
	"classification" text,
	"thumbnail_media_id" uuid,
	"unit" "product_unit" NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"qty" integer NOT NULL,
	"moq" integer,
	"max_qty" integer,
	"line_subtotal_cents" integer DEFAULT 0 NOT NULL,
	"discount_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer NOT NULL,
	"tier_label" text,
	"warnings" jsonb DEFAULT '[]' NOT NULL,
	"status" "line_item_status" DEFAULT 'pending' NOT NULL,
	"notes" text,
	"ad_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_line_items_qty_check" CHECK ("order_line_items"."qty" > 0),
	CONSTRAINT "order_line_items_money_check" CHECK ("order_line_items"."unit_price_cents" >= 0 and "order_line_items"."line_subtotal_cents" = "order_line_items"."unit_price_cents" * "order_line_items"."qty"
        and "order_line_items"."discount_cents" between 0 and "order_line_items"."line_subtotal_cents"
        and "order_line_items"."total_cents" = "order_line_items"."line_subtotal_cents" - "order_line_items"."discount_cents")
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"method" "payment_method" DEFAULT 'cash' NOT NULL,
	"status" "payment_status" DEFAULT 'unpaid' NOT NULL,
	"amount_cents" integer NOT NULL,
	"cash_collected_at" timestamp with time zone,
	"vendor_paid_at" timestamp with time zone,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_intents_amount_check" CHECK ("payment_intents"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vendor_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_number" bigint DEFAULT nextval('vendor_order_number_seq') NOT NULL,
	"cart_id" uuid NOT NULL,
	"checkout_group_id" uuid NOT NULL,
	"buyer_store_id" uuid NOT NULL,
	"vendor_store_id" uuid NOT NULL,
	"vendor_store_name" text NOT NULL,
	"status" "vendor_order_status" DEFAULT 'created_pending' NOT NULL,
	"fulfillment_status" "fulfillment_status" DEFAULT 'pending' NOT NULL,
	"shipping_status" "shipping_status" DEFAULT 'pending' NOT NULL,
	"refund_status" "refund_status" DEFAULT 'none' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"line_discounts_cents" integer DEFAULT 0 NOT NULL,
	"promo_discount_cents" integer DEFAULT 0 NOT NULL,
	"discounts_cents" integer DEFAULT 0 NOT NULL,
	"tax_cents" integer DEFAULT 0 NOT NULL,
	"transport_fee_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer NOT NULL,
	"balance_due_cents" integer DEFAULT 0 NOT NULL,
	"payment_method" "payment_method" DEFAULT 'cash' NOT NULL,
	"shipping_address" jsonb,
	"billing_address" jsonb,
	"promo_id" uuid,
	"promo" jsonb,
	"warnings" jsonb DEFAULT '[]' NOT NULL,
	"failure_reason" text,
	"ad_token" text,
	"notes" text,
	"internal_notes" text,
	"fulfilled_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_orders_parties_check" CHECK ("vendor_orders"."buyer_store_id" <> "vendor_orders"."vendor_store_id"),
	CONSTRAINT "vendor_orders_totals_check" CHECK ("vendor_orders"."subtotal_cents" >= 0 and "vendor_orders"."line_discounts_cents" >= 0 and "vendor_orders"."promo_discount_cents" >= 0
        and "vendor_orders"."discounts_cents" = "vendor_orders"."line_discounts_cents" + "vendor_orders"."promo_discount_cents"
        and "vendor_orders"."discounts_cents" <= "vendor_orders"."subtotal_cents" and "vendor_orders"."tax_cents" >= 0 and "vendor_orders"."transport_fee_cents" >= 0
        and "vendor_orders"."total_cents" = "vendor_orders"."subtotal_cents" - "vendor_orders"."discounts_cents" + "vendor_orders"."tax_cents" + "vendor_orders"."transport_fee_cents"
        and "vendor_orders"."balance_due_cents" between 0 and "vendor_orders"."total_cents"),
	CONSTRAINT "vendor_orders_failure_reason_check" CHECK ("vendor_orders"."failure_reason" is null or "vendor_orders"."failure_reason" in ('insufficient_inventory', 'product_unavailable', 'vendor_unavailable', 'vendor_license_invalid', 'buyer_license_invalid'))
);
--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "ach_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_cart_records_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_vendor_store_id_stores_id_fk" FOREIGN KEY ("vendor_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_thumbnail_media_id_media_id_fk" FOREIGN KEY ("thumbnail_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_records" ADD CONSTRAINT "cart_records_buyer_store_id_stores_id_fk" FOREIGN KEY ("buyer_store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_vendor_groups" ADD CONSTRAINT "cart_vendor_groups_cart_id_cart_records_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_vendor_groups" ADD CONSTRAINT "cart_vendor_groups_vendor_store_id_stores_id_fk" FOREIGN KEY ("vendor_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_promos" ADD CONSTRAINT "vendor_promos_vendor_store_id_stores_id_fk" FOREIGN KEY ("vendor_store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_order_id_vendor_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."vendor_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_buyer_store_id_stores_id_fk" FOREIGN KEY ("buyer_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_vendor_store_id_stores_id_fk" FOREIGN KEY ("vendor_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_order_id_vendor_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."vendor_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_items" ADD CONSTRAINT "order_line_items_order_id_vendor_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."vendor_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_items" ADD CONSTRAINT "order_line_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_items" ADD CONSTRAINT "order_line_items_cart_item_id_cart_items_id_fk" FOREIGN KEY ("cart_item_id") REFERENCES "public"."cart_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_items" ADD CONSTRAINT "order_line_items_thumbnail_media_id_media_id_fk" FOREIGN KEY ("thumbnail_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_order_id_vendor_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."vendor_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD CONSTRAINT "vendor_orders_cart_id_cart_records_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD CONSTRAINT "vendor_orders_buyer_store_id_stores_id_fk" FOREIGN KEY ("buyer_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD CONSTRAINT "vendor_orders_vendor_store_id_stores_id_fk" FOREIGN KEY ("vendor_store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD CONSTRAINT "vendor_orders_promo_id_vendor_promos_id_fk" FOREIGN KEY ("promo_id") REFERENCES "public"."vendor_promos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cart_items_quote_product_key" ON "cart_items" USING btree ("cart_id","quote_version","product_id");--> statement-breakpoint
CREATE INDEX "cart_items_product_idx" ON "cart_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "cart_items_vendor_idx" ON "cart_items" USING btree ("vendor_store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_records_active_buyer_key" ON "cart_records" USING btree ("buyer_store_id") WHERE "cart_records"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "cart_records_checkout_group_key" ON "cart_records" USING btree ("checkout_group_id") WHERE "cart_records"."checkout_group_id" is not null;--> statement-breakpoint
CREATE INDEX "cart_records_buyer_status_idx" ON "cart_records" USING btree ("buyer_store_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_vendor_groups_quote_vendor_key" ON "cart_vendor_groups" USING btree ("cart_id","quote_version","vendor_store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_promos_vendor_code_key" ON "vendor_promos" USING btree ("vendor_store_id",upper("code"));--> statement-breakpoint
CREATE INDEX "vendor_promos_vendor_created_idx" ON "vendor_promos" USING btree ("vendor_store_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_events_order_once_key" ON "ledger_events" USING btree ("order_id","type") WHERE "ledger_events"."type" in ('cash_collected', 'vendor_payout');--> statement-breakpoint
CREATE INDEX "ledger_events_order_created_idx" ON "ledger_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_events_type_created_idx" ON "ledger_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_assignments_active_order_key" ON "order_assignments" USING btree ("order_id") WHERE "order_assignments"."active";--> statement-breakpoint
CREATE INDEX "order_assignments_agent_active_idx" ON "order_assignments" USING btree ("agent_user_id","active");--> statement-breakpoint
CREATE INDEX "order_assignments_order_idx" ON "order_assignments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_line_items_order_idx" ON "order_line_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_line_items_product_idx" ON "order_line_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "order_line_items_status_idx" ON "order_line_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "order_line_items_cart_item_idx" ON "order_line_items" USING btree ("cart_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_order_key" ON "payment_intents" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_intents_status_idx" ON "payment_intents" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_orders_order_number_key" ON "vendor_orders" USING btree ("order_number");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_orders_checkout_vendor_key" ON "vendor_orders" USING btree ("checkout_group_id","vendor_store_id");--> statement-breakpoint
CREATE INDEX "vendor_orders_buyer_created_idx" ON "vendor_orders" USING btree ("buyer_store_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "vendor_orders_vendor_created_idx" ON "vendor_orders" USING btree ("vendor_store_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "vendor_orders_status_idx" ON "vendor_orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "vendor_orders_cart_idx" ON "vendor_orders" USING btree ("cart_id");