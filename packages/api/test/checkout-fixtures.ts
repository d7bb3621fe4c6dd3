import { randomUUID } from 'node:crypto';
import {
  cartItems,
  cartRecords,
  cartVendorGroups,
  inventoryItems,
  orderLineItems,
  outboxEvents,
  paymentIntents,
  products,
  productVolumeDiscounts,
  vendorOrders,
  vendorPromos,
} from '@pf/db';
import { inArray, sql } from 'drizzle-orm';
import { registerOwner, type TestApp } from '../src/testing';
import { insertLicense } from './license-helpers';
import { setVendorStanding } from './product-fixtures';

export interface Party {
  token: string;
  storeId: string;
  userId: string;
}

/** A vendor buyers in Oklahoma can order from: verified license in OK, subscribed. */
export async function listedVendor(app: TestApp, companyName = `Vendor ${randomUUID().slice(0, 6)}`): Promise<Party> {
  const owner = await registerOwner(app, { storeType: 'vendor', companyName });
  await insertLicense(app, { storeId: owner.storeId, userId: owner.userId }, 'verified');
  await setVendorStanding(app, owner.storeId, { kycStatus: 'verified', subscriptionActive: true, state: 'OK' });
  return { token: owner.token, storeId: owner.storeId, userId: owner.userId };
}

/** An Oklahoma buyer with a verified license (principal is rebuilt per request, so the token stays valid). */
export async function verifiedBuyer(app: TestApp, companyName = `Buyer ${randomUUID().slice(0, 6)}`): Promise<Party> {
  const owner = await registerOwner(app, { storeType: 'buyer', companyName });
  await insertLicense(app, { storeId: owner.storeId, userId: owner.userId }, 'verified');
  await setVendorStanding(app, owner.storeId, { kycStatus: 'verified', state: 'OK' });
  return { token: owner.token, storeId: owner.storeId, userId: owner.userId };
}

export interface ProductSpec {
  priceCents?: number;
  onHandQty?: number;
  moq?: number;
  maxQty?: number;
  tiers?: { minQty: number; discountPercent: number }[];
  isActive?: boolean;
  title?: string;
}

/** A product with stock and tiers, written directly (the catalog API is tested elsewhere). */
export async function stockedProduct(app: TestApp, vendorStoreId: string, spec: ProductSpec = {}): Promise<string> {
  const [row] = await app.deps.db
    .insert(products)
    .values({
      storeId: vendorStoreId,
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      title: spec.title ?? `Product ${randomUUID().slice(0, 4)}`,
      category: 'flower',
      unit: 'gram',
      priceCents: spec.priceCents ?? 1000,
      moq: spec.moq ?? 1,
      maxQty: spec.maxQty ?? 0,
      isActive: spec.isActive ?? true,
      hasVolumeDiscount: (spec.tiers ?? []).length > 0,
    })
    .returning({ id: products.id });
  if (!row) throw new Error('product insert failed');
  await app.deps.db.insert(inventoryItems).values({ productId: row.id, onHandQty: spec.onHandQty ?? 100 });
  for (const tier of spec.tiers ?? []) {
    await app.deps.db.insert(productVolumeDiscounts).values({
      storeId: vendorStoreId,
      productId: row.id,
      minQty: tier.minQty,
      discountPercent: String(tier.discountPercent),
    });
  }
  return row.id;
}

export async function insertPromo(
  app: TestApp,
  vendorStoreId: string,
  values: Partial<typeof vendorPromos.$inferInsert> = {},
) {
  const [row] = await app.deps.db
    .insert(vendorPromos)
    .values({
      vendorStoreId,
      code: `P${randomUUID().slice(0, 6).toUpperCase()}`,
      kind: 'percent',
      percentBps: 1000,
      ...values,
    })
    .returning();
  if (!row) throw new Error('promo insert failed');
  return row;
}

export const stockOf = async (app: TestApp, productIds: string[]) =>
  app.deps.db.select().from(inventoryItems).where(inArray(inventoryItems.productId, productIds));

/** Row counts of every table cart and checkout write, so a refused request can be shown to write nothing. */
export async function commerceCounts(app: TestApp) {
  const count = async (
    table:
      | typeof cartRecords
      | typeof cartItems
      | typeof cartVendorGroups
      | typeof vendorOrders
      | typeof orderLineItems
      | typeof paymentIntents
      | typeof outboxEvents,
  ) => (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const stock = await app.deps.db
    .select({
      reserved: sql<number>`coalesce(sum(reserved_qty), 0)::int`,
      onHand: sql<number>`coalesce(sum(on_hand_qty), 0)::int`,
    })
    .from(inventoryItems);
  const used = await app.deps.db.select({ n: sql<number>`coalesce(sum(used_count), 0)::int` }).from(vendorPromos);
  return {
    carts: await count(cartRecords),
    cartUpdates: (
      await app.deps.db.select({ v: sql<number>`coalesce(sum(quote_version), 0)::int` }).from(cartRecords)
    )[0]?.v,
    items: await count(cartItems),
    groups: await count(cartVendorGroups),
    orders: await count(vendorOrders),
    lines: await count(orderLineItems),
    intents: await count(paymentIntents),
    outbox: await count(outboxEvents),
    stock: stock[0],
    promoUses: used[0]?.n,
  };
}
