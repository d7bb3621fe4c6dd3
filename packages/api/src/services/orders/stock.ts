import type { Transaction } from '@pf/db';
import { sql } from 'drizzle-orm';
import { rowsIn } from '../cart/buyer-gate';

/**
 * Gives reserved stock back (DOMAIN §3.9): `reserved -= q` per product, rows locked in product-id order like
 * checkout's reservation so the two cannot deadlock. Callers pass only lines whose status change to rejected
 * they have just made (a conditional update), so each line is released exactly once. A product deleted since
 * has no stock row left and nothing to release. Less reserved than the line holds means the books are
 * already wrong: fail loudly and roll back rather than clamp.
 */
export async function releaseStock(
  tx: Transaction,
  lines: readonly { productId: string | null; qty: number }[],
  now: Date,
): Promise<void> {
  const held = new Map<string, number>();
  for (const line of lines) {
    if (line.productId) held.set(line.productId, (held.get(line.productId) ?? 0) + line.qty);
  }
  if (held.size === 0) return;
  const ids = `{${[...held.keys()].join(',')}}`;
  const quantities = `{${[...held.values()].join(',')}}`;
  const rows = rowsIn<{ product_id: string; released: boolean }>(
    await tx.execute(sql`
      with wanted as (select * from unnest(${ids}::uuid[], ${quantities}::int[]) as w(product_id, qty)),
      locked as materialized (
        select i.product_id from inventory_items i join wanted w on w.product_id = i.product_id
        order by i.product_id for update of i
      ),
      released as (
        update inventory_items i
        set reserved_qty = i.reserved_qty - w.qty, updated_at = ${now.toISOString()}
        from wanted w
        where i.product_id = w.product_id and i.product_id in (select product_id from locked)
          and i.reserved_qty >= w.qty
        returning i.product_id
      )
      select l.product_id, exists (select 1 from released r where r.product_id = l.product_id) as released
      from locked l`),
  );
  const short = rows.filter((row) => !row.released).map((row) => row.product_id);
  if (short.length > 0) throw new Error(`reserved stock below the order's lines for products ${short.join(', ')}`);
}
