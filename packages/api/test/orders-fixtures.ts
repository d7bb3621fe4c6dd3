import { randomUUID } from 'node:crypto';
import {
  cartRecords,
  inventoryItems,
  orderLineItems,
  outboxEvents,
  paymentIntents,
  products,
  vendorOrders,
} from '@pf/db';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../src/testing';
import type { Party } from './checkout-fixtures';

/** Places a real order: quote then checkout as `buyer`; answers the vendor order of `vendor`. */
export async function placeOrder(
  app: TestApp,
  buyer: Party,
  vendorStoreId: string,
  items: { productId: string; quantity: number }[],
  promoCode?: string,
) {
  const cart = await app.call({ token: buyer.token }).caller.cart.quote({
    items: items.map((item) => ({ ...item, vendorStoreId })),
    ...(promoCode ? { vendorPromos: [{ vendorStoreId, code: promoCode }] } : {}),
  });
  const result = await app
    .call({ token: buyer.token, idempotencyKey: randomUUID() })
    .caller.checkout.submit({ cartId: cart.id, paymentMethod: 'cash' });
  const order = result.vendorOrders.find((candidate) => candidate.vendorStoreId === vendorStoreId);
  if (!order) throw new Error('checkout placed no order with this vendor');
  return order;
}

/**
 * A pending order written directly, stock reserved the way checkout does (for stores that are not listed, like
 * the authorization matrix's). Every line holds its stock; prices are plain (no tiers or promo).
 */
export async function insertOrder(
  app: TestApp,
  buyerStoreId: string,
  vendorStoreId: string,
  lines: { qty: number; priceCents?: number }[] = [{ qty: 2 }],
  status: 'created_pending' | 'accepted' = 'created_pending',
) {
  const db = app.deps.db;
  const now = new Date();
  const checkoutGroupId = randomUUID();
  const [cart] = await db
    .insert(cartRecords)
    .values({ buyerStoreId, status: 'converted', checkoutGroupId, convertedAt: now, quotedAt: now, validUntil: now })
    .returning({ id: cartRecords.id });
  if (!cart) throw new Error('cart insert failed');
  const priced = await Promise.all(
    lines.map(async (line) => {
      const priceCents = line.priceCents ?? 1000;
      const [product] = await db
        .insert(products)
        .values({
          storeId: vendorStoreId,
          sku: `SKU-${randomUUID().slice(0, 8)}`,
          title: `Matrix product ${randomUUID().slice(0, 4)}`,
          category: 'flower',
          unit: 'gram',
          priceCents,
        })
        .returning({ id: products.id });
      if (!product) throw new Error('product insert failed');
      await db.insert(inventoryItems).values({ productId: product.id, onHandQty: 100, reservedQty: line.qty });
      return { ...line, priceCents, productId: product.id, subtotal: priceCents * line.qty };
    }),
  );
  const total = priced.reduce((sum, line) => sum + line.subtotal, 0);
  const [order] = await db
    .insert(vendorOrders)
    .values({
      cartId: cart.id,
      checkoutGroupId,
      buyerStoreId,
      vendorStoreId,
      vendorStoreName: 'Vendor',
      status,
      subtotalCents: total,
      totalCents: total,
      balanceDueCents: total,
    })
    .returning();
  if (!order) throw new Error('order insert failed');
  await db.insert(orderLineItems).values(
    priced.map((line, position) => ({
      orderId: order.id,
      position,
      productId: line.productId,
      name: `Line ${position}`,
      category: 'flower' as const,
      unit: 'gram' as const,
      unitPriceCents: line.priceCents,
      qty: line.qty,
      lineSubtotalCents: line.subtotal,
      totalCents: line.subtotal,
    })),
  );
  await db.insert(paymentIntents).values({ orderId: order.id, amountCents: total });
  return { orderId: order.id, productIds: priced.map((line) => line.productId) };
}

export const lineIdsOf = async (app: TestApp, orderId: string) =>
  (
    await app.deps.db
      .select({ id: orderLineItems.id })
      .from(orderLineItems)
      .where(eq(orderLineItems.orderId, orderId))
      .orderBy(asc(orderLineItems.position))
  ).map((row) => row.id);

/** Every row an order decision could touch, to show a refused one wrote nothing. */
export async function orderWorld(app: TestApp) {
  const db = app.deps.db;
  return {
    orders: await db.select().from(vendorOrders).orderBy(asc(vendorOrders.id)),
    lines: await db.select().from(orderLineItems).orderBy(asc(orderLineItems.id)),
    intents: await db.select().from(paymentIntents).orderBy(asc(paymentIntents.id)),
    stock: await db.select().from(inventoryItems).orderBy(asc(inventoryItems.productId)),
    outbox: (await db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents))[0]?.n,
  };
}

export const eventsOf = async (app: TestApp, orderId: string) =>
  app.deps.db
    .select({ type: outboxEvents.eventType, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.aggregateId, orderId))
    // created_at is the transaction's start; the envelope's occurredAt is taken under the order's lock.
    .orderBy(sql`${outboxEvents.payload}->>'occurredAt'`, asc(outboxEvents.createdAt));

const HOLDING = new Set(['pending', 'accepted', 'hold', 'fulfilled']);
const SHIPPED = new Set(['in_transit', 'delivered', 'closed']);

/**
 * The stock books, from the rows alone (written independently of the services): nothing is ever consumed
 * before delivery, so on hand stays at its initial count; reserved equals what lines still holding stock
 * (pending/accepted/hold/fulfilled, on orders not shipped) ask for; free + reserved + consumed = initial.
 */
export async function expectStockBooks(app: TestApp, initial: Map<string, number>) {
  const ids = [...initial.keys()];
  const stock = await app.deps.db.select().from(inventoryItems).where(inArray(inventoryItems.productId, ids));
  const lines = await app.deps.db
    .select({
      productId: orderLineItems.productId,
      qty: orderLineItems.qty,
      status: orderLineItems.status,
      order: vendorOrders.status,
    })
    .from(orderLineItems)
    .innerJoin(vendorOrders, eq(vendorOrders.id, orderLineItems.orderId))
    .where(inArray(orderLineItems.productId, ids));
  for (const row of stock) {
    const start = initial.get(row.productId) ?? 0;
    const held = lines
      .filter((line) => line.productId === row.productId && HOLDING.has(line.status) && !SHIPPED.has(line.order))
      .reduce((sum, line) => sum + line.qty, 0);
    const consumed = start - row.onHandQty;
    const free = row.onHandQty - row.reservedQty;
    expect(consumed, `consumed ${row.productId}`).toBe(0);
    expect(row.reservedQty, `reserved ${row.productId}`).toBe(held);
    expect(free + row.reservedQty + consumed).toBe(start);
    expect(free).toBeGreaterThanOrEqual(0);
  }
  expect(stock).toHaveLength(ids.length);
}

/** Totals add up over the lines still on the order and the payment intent asks exactly the total. */
export async function expectOrderBooks(app: TestApp, orderId: string) {
  const db = app.deps.db;
  const [order] = await db.select().from(vendorOrders).where(eq(vendorOrders.id, orderId));
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.orderId, orderId));
  const lines = await db.select().from(orderLineItems).where(eq(orderLineItems.orderId, orderId));
  const kept = lines.filter((line) => line.status !== 'rejected');
  expect(order?.subtotalCents).toBe(kept.reduce((sum, line) => sum + line.unitPriceCents * line.qty, 0));
  expect(order?.lineDiscountsCents).toBe(kept.reduce((sum, line) => sum + line.discountCents, 0));
  expect(order?.totalCents).toBe((order?.subtotalCents ?? 0) - (order?.discountsCents ?? 0));
  expect(intent?.amountCents).toBe(order?.totalCents);
  const ended = ['rejected', 'canceled', 'expired'].includes(order?.status ?? '');
  expect(order?.balanceDueCents).toBe(ended ? 0 : order?.totalCents);
  return { order, intent, lines };
}
