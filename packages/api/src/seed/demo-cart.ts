import { cartRecords, inventoryItems, products, productVolumeDiscounts, stores, users } from '@pf/db';
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { quoteBuyerCart } from '../services/cart/quote-cart';
import { DEMO_BUYER, DEMO_VENDORS } from './profiles';

/** Two Oklahoma vendors the demo cart buys from (both listed for the demo buyer). */
const CART_VENDORS = DEMO_VENDORS.filter((vendor) => vendor.address.state === DEMO_BUYER.address.state).slice(0, 2);

const storeIdOf = async (deps: AppDeps, email: string) => {
  const [row] = await deps.db
    .select({ id: stores.id, kycStatus: stores.kycStatus, name: stores.companyName })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerUserId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
};

/** In-stock live products of a vendor; with `tiered`, only those with a volume tier. */
async function stockedProducts(deps: AppDeps, vendorId: string, tiered: boolean, limit: number) {
  const tier = deps.db
    .select({ one: sql`1` })
    .from(productVolumeDiscounts)
    .where(eq(productVolumeDiscounts.productId, products.id));
  return deps.db
    .select({
      id: products.id,
      moq: products.moq,
      maxQty: products.maxQty,
      tierMin: sql<
        number | null
      >`(select min(min_qty) from product_volume_discounts t where t.product_id = ${products.id})`,
    })
    .from(products)
    .innerJoin(inventoryItems, eq(inventoryItems.productId, products.id))
    .where(
      and(
        eq(products.storeId, vendorId),
        eq(products.isActive, true),
        sql`${products.deletedAt} is null`,
        // Enough for the tier quantity and a few demo checkouts.
        sql`${inventoryItems.onHandQty} - ${inventoryItems.reservedQty} >= ${products.moq} * 20`,
        tiered ? exists(tier) : sql`true`,
      ),
    )
    .orderBy(asc(products.createdAt), asc(products.id))
    .limit(limit);
}

/**
 * A quoted cart for the demo buyer, so a newcomer can open the cart and check out at once: two lines from one
 * vendor (one reaching a volume tier) and one from another. Written through the real quote. Only when the
 * buyer has never had a cart, so a second seed run (or a buyer who emptied the cart) changes nothing.
 */
export async function seedDemoCart(deps: AppDeps): Promise<boolean> {
  const buyer = await storeIdOf(deps, DEMO_BUYER.owner.email);
  if (buyer?.kycStatus !== 'verified') return false;
  const [anyCart] = await deps.db
    .select({ id: cartRecords.id })
    .from(cartRecords)
    .where(eq(cartRecords.buyerStoreId, buyer.id))
    .limit(1);
  if (anyCart) return false;
  const vendorIds = (await Promise.all(CART_VENDORS.map((vendor) => storeIdOf(deps, vendor.owner.email)))).flatMap(
    (row) => (row ? [row.id] : []),
  );
  const [first, second] = vendorIds;
  if (!first || !second) return false;
  const tiered = await stockedProducts(deps, first, true, 1);
  const plain = await stockedProducts(deps, first, false, 2);
  const other = await stockedProducts(deps, second, false, 1);
  const picks = [
    ...tiered.map((p) => ({ productId: p.id, vendorStoreId: first, quantity: Math.max(p.tierMin ?? p.moq, p.moq) })),
    ...plain
      .filter((p) => !tiered.some((t) => t.id === p.id))
      .slice(0, 1)
      .map((p) => ({ productId: p.id, vendorStoreId: first, quantity: p.moq })),
    ...other.map((p) => ({ productId: p.id, vendorStoreId: second, quantity: p.moq })),
  ];
  if (picks.length === 0) return false;
  await quoteBuyerCart(
    deps,
    { id: buyer.id, name: buyer.name, type: 'buyer', role: 'owner', kycStatus: 'verified' },
    {
      items: picks,
      vendorPromos: [],
      adTokens: [],
    },
  );
  return true;
}
