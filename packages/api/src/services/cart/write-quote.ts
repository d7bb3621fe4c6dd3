import { randomUUID } from 'node:crypto';
import type { Database } from '@pf/db';
import type { Address, Quote } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { rowsIn, toDate } from './buyer-gate';

export interface WrittenCart {
  id: string;
  createdAt: Date;
  /** Item id per product id. */
  itemIds: Map<string, string>;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Round trip 3: replaces the buyer store's active cart with this quote in ONE statement (no transaction
 * round trips). The header upsert bumps `quote_version`; items and groups are written with that version and
 * older versions are deleted, so two racing quotes of one store leave readers exactly one of them.
 */
export async function writeQuote(
  db: Database,
  buyerStoreId: string,
  quote: Quote,
  shippingAddress: Address | null,
  adTokens: string[],
): Promise<WrittenCart> {
  const itemIds = new Map<string, string>();
  let position = 0;
  const items = quote.groups.flatMap((group) =>
    group.lines.map((line) => {
      const id = randomUUID();
      itemIds.set(line.productId, id);
      return {
        id,
        position: position++,
        product_id: line.productId,
        vendor_store_id: line.vendorStoreId,
        vendor_store_name: line.vendorStoreName,
        title: line.title,
        sku: line.sku,
        thumbnail_media_id: line.thumbnailMediaId,
        unit: line.unit,
        requested_quantity: line.requestedQuantity,
        quantity: line.quantity,
        moq: line.moq,
        max_qty: line.maxQty,
        available_quantity: line.availableQuantity,
        unit_price_cents: line.unitPriceCents,
        effective_unit_price_cents: line.effectiveUnitPriceCents,
        line_subtotal_cents: line.lineSubtotalCents,
        line_discount_cents: line.lineDiscountCents,
        line_total_cents: line.lineTotalCents,
        applied_tier: line.appliedTier,
        next_tier: line.nextTier,
        status: line.status,
        warnings: line.warnings,
      };
    }),
  );
  const groups = quote.groups.map((group) => ({
    vendor_store_id: group.vendorStoreId,
    vendor_store_name: group.vendorStoreName,
    status: group.status,
    warnings: group.warnings,
    subtotal_cents: group.subtotalCents,
    line_discounts_cents: group.lineDiscountsCents,
    promo_code: group.promoCode,
    promo: group.promo,
    promo_discount_cents: group.promoDiscountCents,
    discounts_cents: group.discountsCents,
    total_cents: group.totalCents,
  }));
  const now = quote.quotedAt.toISOString();
  const [row] = rowsIn<{ id: string; created_at: string | Date }>(
    await db.execute(sql`
      with cart as (
        insert into cart_records as c (buyer_store_id, status, quote_version, quoted_at, valid_until, subtotal_cents,
          line_discounts_cents, promo_discounts_cents, discounts_cents, total_cents, shipping_address, ad_tokens,
          created_at, updated_at)
        values (${buyerStoreId}, 'active', 1, ${now}, ${quote.validUntil.toISOString()}, ${quote.subtotalCents},
          ${quote.lineDiscountsCents}, ${quote.promoDiscountsCents}, ${quote.discountsCents}, ${quote.totalCents},
          ${shippingAddress ? json(shippingAddress) : null}::jsonb,
          array(select jsonb_array_elements_text(${json(adTokens)}::jsonb)), ${now}, ${now})
        on conflict (buyer_store_id) where status = 'active' do update set
          quote_version = c.quote_version + 1, quoted_at = excluded.quoted_at, valid_until = excluded.valid_until,
          subtotal_cents = excluded.subtotal_cents, line_discounts_cents = excluded.line_discounts_cents,
          promo_discounts_cents = excluded.promo_discounts_cents, discounts_cents = excluded.discounts_cents,
          total_cents = excluded.total_cents, shipping_address = excluded.shipping_address,
          ad_tokens = excluded.ad_tokens, updated_at = excluded.updated_at
        returning id, quote_version, created_at
      ),
      old_items as (
        delete from cart_items where cart_id = (select id from cart) and quote_version < (select quote_version from cart)
      ),
      old_groups as (
        delete from cart_vendor_groups
        where cart_id = (select id from cart) and quote_version < (select quote_version from cart)
      ),
      new_items as (
        insert into cart_items (id, cart_id, quote_version, position, product_id, vendor_store_id, vendor_store_name,
          title, sku, thumbnail_media_id, unit, requested_quantity, quantity, moq, max_qty, available_quantity,
          unit_price_cents, effective_unit_price_cents, line_subtotal_cents, line_discount_cents, line_total_cents,
          applied_tier, next_tier, status, warnings, created_at, updated_at)
        select x.id, cart.id, cart.quote_version, x.position, x.product_id, x.vendor_store_id, x.vendor_store_name,
          x.title, x.sku, x.thumbnail_media_id, x.unit, x.requested_quantity, x.quantity, x.moq, x.max_qty,
          x.available_quantity, x.unit_price_cents, x.effective_unit_price_cents, x.line_subtotal_cents,
          x.line_discount_cents, x.line_total_cents, x.applied_tier, x.next_tier, x.status, x.warnings, ${now}, ${now}
        from cart, jsonb_to_recordset(${json(items)}::jsonb) as x(id uuid, position int, product_id uuid,
          vendor_store_id uuid, vendor_store_name text, title text, sku text, thumbnail_media_id uuid,
          unit product_unit, requested_quantity int, quantity int, moq int, max_qty int, available_quantity int,
          unit_price_cents int, effective_unit_price_cents int, line_subtotal_cents int, line_discount_cents int,
          line_total_cents int, applied_tier jsonb, next_tier jsonb, status cart_item_status, warnings jsonb)
      ),
      new_groups as (
        insert into cart_vendor_groups (cart_id, quote_version, vendor_store_id, vendor_store_name, status, warnings,
          subtotal_cents, line_discounts_cents, promo_code, promo, promo_discount_cents, discounts_cents, total_cents,
          created_at, updated_at)
        select cart.id, cart.quote_version, g.vendor_store_id, g.vendor_store_name, g.status, g.warnings,
          g.subtotal_cents, g.line_discounts_cents, g.promo_code, g.promo, g.promo_discount_cents, g.discounts_cents,
          g.total_cents, ${now}, ${now}
        from cart, jsonb_to_recordset(${json(groups)}::jsonb) as g(vendor_store_id uuid, vendor_store_name text,
          status vendor_group_status, warnings jsonb, subtotal_cents int, line_discounts_cents int, promo_code text,
          promo jsonb, promo_discount_cents int, discounts_cents int, total_cents int)
      )
      select id, created_at from cart`),
  );
  if (!row) throw new Error('cart upsert returned no row');
  return { id: row.id, createdAt: toDate(row.created_at), itemIds };
}
