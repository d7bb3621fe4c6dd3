import type { Transaction } from '@pf/db';
import { sql } from 'drizzle-orm';
import { rowsIn } from '../cart/buyer-gate';

/**
 * Reserves stock for every line in ONE statement (DOMAIN §3.9): each row is locked in product-id order (so
 * concurrent checkouts cannot deadlock), then `reserved += q` only where `reserved + q <= on_hand`. Never
 * read-then-write. Returns the product ids that were reserved; the rest had too little free stock.
 */
export async function reserveStock(
  tx: Transaction,
  lines: { productId: string; quantity: number }[],
  now: Date,
): Promise<Set<string>> {
  if (lines.length === 0) return new Set();
  const ids = `{${lines.map((line) => line.productId).join(',')}}`;
  const quantities = `{${lines.map((line) => line.quantity).join(',')}}`;
  const rows = rowsIn<{ product_id: string }>(
    await tx.execute(sql`
      with wanted as (select * from unnest(${ids}::uuid[], ${quantities}::int[]) as w(product_id, qty)),
      locked as materialized (
        select i.product_id from inventory_items i join wanted w on w.product_id = i.product_id
        order by i.product_id for update of i
      )
      update inventory_items i
      set reserved_qty = i.reserved_qty + w.qty, updated_at = ${now.toISOString()}
      from wanted w
      where i.product_id = w.product_id
        and i.product_id in (select product_id from locked)
        and i.reserved_qty + w.qty <= i.on_hand_qty
      returning i.product_id`),
  );
  return new Set(rows.map((row) => row.product_id));
}

/**
 * Counts one use of each promo, atomically and only while it is still usable (active, unexpired, under its
 * limit); locked in id order like stock. Returns the promo ids that were counted.
 */
export async function consumePromos(tx: Transaction, promoIds: string[], now: Date): Promise<Set<string>> {
  if (promoIds.length === 0) return new Set();
  const at = now.toISOString();
  const rows = rowsIn<{ id: string }>(
    await tx.execute(sql`
      with locked as materialized (
        select p.id from vendor_promos p where p.id = any(${`{${promoIds.join(',')}}`}::uuid[])
        order by p.id for update of p
      )
      update vendor_promos p set used_count = p.used_count + 1, updated_at = ${at}
      where p.id in (select id from locked) and p.active and (p.expires_at is null or p.expires_at > ${at})
        and (p.usage_limit is null or p.used_count < p.usage_limit)
      returning p.id`),
  );
  return new Set(rows.map((row) => row.id));
}
