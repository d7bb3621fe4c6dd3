import type { Database } from '@pf/db';
import type {
  Address,
  KycStatus,
  MediaKind,
  MediaStatus,
  ProductFacts,
  ProductUnit,
  PromoFacts,
  StoreType,
} from '@pf/domain';
import { sql } from 'drizzle-orm';
import { rowsIn, toDateOrNull } from './buyer-gate';

interface ProductRow {
  id: string;
  store_id: string;
  title: string;
  sku: string;
  unit: ProductUnit;
  price_cents: number;
  moq: number;
  max_qty: number;
  is_active: boolean;
  deleted_at: string | Date | null;
  vendor_type: StoreType;
  vendor_kyc: KycStatus;
  vendor_subscribed: boolean;
  vendor_address: Address;
  vendor_name: string;
  on_hand_qty: number | null;
  reserved_qty: number | null;
  tiers: { minQty: number; discountPercent: number | string }[];
  thumb: { mediaId: string; kind: MediaKind; status: MediaStatus; objectKey: string } | null;
}

export interface LoadedProduct {
  facts: ProductFacts;
  visibility: {
    product: { isActive: boolean; deletedAt: Date | null };
    vendor: { type: StoreType; kycStatus: KycStatus; subscriptionActive: boolean; state: string };
  };
  thumbnail: { kind: MediaKind; status: MediaStatus; objectKey: string } | null;
}

/**
 * Round trip 1 of a quote: every requested product with its vendor (for the visibility rule), stock, tiers and
 * first gallery image, in one statement whatever the number of lines.
 */
export async function loadProducts(db: Database, productIds: string[]): Promise<Map<string, LoadedProduct>> {
  const rows = rowsIn<ProductRow>(
    await db.execute(sql`
      select p.id, p.store_id, p.title, p.sku, p.unit, p.price_cents, p.moq, p.max_qty, p.is_active, p.deleted_at,
        s.type as vendor_type, s.kyc_status as vendor_kyc, s.subscription_active as vendor_subscribed,
        s.address as vendor_address, s.company_name as vendor_name, i.on_hand_qty, i.reserved_qty,
        (select coalesce(json_agg(json_build_object('minQty', t.min_qty, 'discountPercent', t.discount_percent)
            order by t.min_qty), '[]'::json)
          from product_volume_discounts t where t.product_id = p.id) as tiers,
        (select json_build_object('mediaId', m.id, 'kind', m.kind, 'status', m.status, 'objectKey', m.object_key)
          from product_media pm join media m on m.id = pm.media_id
          where pm.product_id = p.id order by pm.position limit 1) as thumb
      from products p
      join stores s on s.id = p.store_id
      left join inventory_items i on i.product_id = p.id
      where p.id = any(${`{${productIds.join(',')}}`}::uuid[])`),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        facts: {
          productId: row.id,
          vendorStoreId: row.store_id,
          vendorStoreName: row.vendor_name,
          title: row.title,
          sku: row.sku,
          unit: row.unit,
          priceCents: row.price_cents,
          moq: row.moq,
          maxQty: row.max_qty,
          tiers: row.tiers.map((tier) => ({ minQty: tier.minQty, discountPercent: Number(tier.discountPercent) })),
          freeQuantity: row.on_hand_qty === null ? null : row.on_hand_qty - (row.reserved_qty ?? 0),
          thumbnailMediaId: row.thumb?.mediaId ?? null,
        },
        visibility: {
          product: { isActive: row.is_active, deletedAt: toDateOrNull(row.deleted_at) },
          vendor: {
            type: row.vendor_type,
            kycStatus: row.vendor_kyc,
            subscriptionActive: row.vendor_subscribed,
            state: row.vendor_address.state ?? '',
          },
        },
        thumbnail: row.thumb,
      },
    ]),
  );
}

interface ContextRow {
  address: Address | null;
  previous: Record<string, number> | null;
  promos: Record<string, unknown>[] | null;
}

export interface QuoteContext {
  buyerAddress: Address | null;
  previousPrices: Map<string, number>;
  promos: PromoFacts[];
}

/**
 * Round trip 2: the buyer's address, the unit prices of its current quote (price-change warnings) and the
 * promos matching the requested (vendor, code) pairs.
 */
export async function loadQuoteContext(
  db: Database,
  buyerStoreId: string,
  promoCodes: { vendorStoreId: string; code: string }[],
): Promise<QuoteContext> {
  const vendors = `{${promoCodes.map((entry) => entry.vendorStoreId).join(',')}}`;
  const codes = JSON.stringify(promoCodes.map((entry) => entry.code));
  const [row] = rowsIn<ContextRow>(
    await db.execute(sql`
      select
        (select address from stores where id = ${buyerStoreId}) as address,
        (select jsonb_object_agg(ci.product_id, ci.unit_price_cents)
          from cart_records c join cart_items ci on ci.cart_id = c.id and ci.quote_version = c.quote_version
          where c.buyer_store_id = ${buyerStoreId} and c.status = 'active') as previous,
        (select jsonb_agg(to_jsonb(p)) from vendor_promos p
          join unnest(${vendors}::uuid[], array(select jsonb_array_elements_text(${codes}::jsonb))) as wanted(vendor_id, code)
            on p.vendor_store_id = wanted.vendor_id and upper(p.code) = wanted.code) as promos`),
  );
  return {
    buyerAddress: row?.address ?? null,
    previousPrices: new Map(Object.entries(row?.previous ?? {})),
    promos: (row?.promos ?? []).map(promoFactsOf),
  };
}

/** A `vendor_promos` row as JSON (snake_case keys) → the domain's facts. */
export const promoFactsOf = (row: Record<string, unknown>): PromoFacts => ({
  id: String(row.id),
  vendorStoreId: String(row.vendor_store_id),
  code: String(row.code),
  kind: row.kind as PromoFacts['kind'],
  percentBps: row.percent_bps === null ? null : Number(row.percent_bps),
  amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
  minSubtotalCents: Number(row.min_subtotal_cents),
  usageLimit: row.usage_limit === null ? null : Number(row.usage_limit),
  usedCount: Number(row.used_count),
  active: Boolean(row.active),
  expiresAt: toDateOrNull(row.expires_at as string | null),
});
