import { randomUUID } from 'node:crypto';
import { inventoryItems, notifications, orderLineItems, vendorOrders } from '@pf/db';
import type { TransitionRefusal } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import { insertPromo, listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { RELAXED_LIMITS } from './helpers';
import { deliverNotifications } from './license-helpers';
import { eventsOf, expectOrderBooks, expectStockBooks, orderWorld, placeOrder } from './orders-fixtures';
import { serveTrpc } from './trpc-http';

let app: TestApp;
let vendor: Party;
let buyer: Party;
const initial = new Map<string, number>();

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  vendor = await listedVendor(app);
  buyer = await verifiedBuyer(app);
});
afterAll(() => app.close());

const vendorCall = () => app.call({ token: vendor.token, idempotencyKey: randomUUID() }).caller.vendorOrders;
const buyerCall = () => app.call({ token: buyer.token, idempotencyKey: randomUUID() }).caller.buyerOrders;

async function product(onHandQty = 50, priceCents = 1000, tiers: { minQty: number; discountPercent: number }[] = []) {
  const id = await stockedProduct(app, vendor.storeId, { onHandQty, priceCents, tiers });
  initial.set(id, onHandQty);
  return id;
}

/** Two lines: 4 × $10 at a 10 % tier (−$4), 3 × $25 without; a 10 % promo on the rest. */
async function twoLineOrder() {
  const tiered = await product(50, 1000, [{ minQty: 4, discountPercent: 10 }]);
  const plain = await product(50, 2500);
  const promo = await insertPromo(app, vendor.storeId, { kind: 'percent', percentBps: 1000 });
  const order = await placeOrder(
    app,
    buyer,
    vendor.storeId,
    [
      { productId: tiered, quantity: 4 },
      { productId: plain, quantity: 3 },
    ],
    promo.code,
  );
  // Oracle: 4000 − 400 = 3600; + 7500 = 11100; promo 10 % = 1110 → total 9990.
  expect(order.totalCents).toBe(9990);
  return { order, tiered, plain, lines: order.lines.map((line) => line.lineItemId) };
}

/**
 * A refused transition: STATE_CONFLICT with the stable reason in its details, and not a row changed. The call
 * is started only after the snapshot, so it cannot write before the "before" is taken.
 */
async function expectRefusedWithNothingWritten(call: () => Promise<unknown>, reason: TransitionRefusal) {
  const before = await orderWorld(app);
  const cause = await detailsOf(call());
  expect(cause?.code).toBe('STATE_CONFLICT');
  expect(cause?.details?.reason).toBe(reason);
  expect(await orderWorld(app)).toEqual(before);
}

const dataOf = (event: { payload: unknown } | undefined) =>
  (event?.payload as { data?: Record<string, unknown> } | undefined)?.data ?? {};

/** The error's details, from the AppError the tRPC error carries as its cause. */
async function detailsOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return (error as { cause?: { code?: string; details?: Record<string, unknown> } }).cause;
  }
  throw new Error('expected a failure');
}

describe('vendor accepts or rejects the whole order', () => {
  it('accepts a pending order once; repeating it changes nothing; rejecting it afterwards is refused', async () => {
    const { order } = await twoLineOrder();
    const accepted = await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });
    expect(accepted).toMatchObject({ changed: true, status: 'accepted', totalCents: 9990, paymentAmountCents: 9990 });
    expect((await eventsOf(app, order.orderId)).map((e) => e.type)).toEqual(['order_decided']);

    const again = await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });
    expect(again).toMatchObject({ changed: false, status: 'accepted' });
    expect(await eventsOf(app, order.orderId)).toHaveLength(1);

    const call = () => vendorCall().decide({ orderId: order.orderId, decision: 'reject' });
    await expectRefusedWithNothingWritten(call, 'order_already_decided');
    expect(await detailsOf(vendorCall().decide({ orderId: order.orderId, decision: 'reject' }))).toMatchObject({
      code: 'STATE_CONFLICT',
      details: { reason: 'order_already_decided', status: 'accepted', decision: 'reject' },
    });
    await expectStockBooks(app, initial);
    await expectOrderBooks(app, order.orderId);
  });

  it('rejecting releases every reserved line exactly once, zeroes the books, and cannot be undone', async () => {
    const { order, tiered, plain } = await twoLineOrder();
    const result = await vendorCall().decide({ orderId: order.orderId, decision: 'reject' });
    expect(result).toMatchObject({ changed: true, status: 'rejected', totalCents: 0, balanceDueCents: 0 });
    expect(result.lines.map((line) => line.status)).toEqual(['rejected', 'rejected']);
    const stock = await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, tiered));
    expect(stock[0]?.reservedQty).toBe(0);
    await expectStockBooks(app, initial);
    const { intent } = await expectOrderBooks(app, order.orderId);
    expect(intent?.amountCents).toBe(0);
    const events = await eventsOf(app, order.orderId);
    expect(events.map((e) => e.type)).toEqual(['order_decided']);
    expect(dataOf(events[0])).toMatchObject({
      decision: 'reject',
      status: 'rejected',
      order_id: order.orderId,
      buyer_store_id: buyer.storeId,
      vendor_store_id: vendor.storeId,
    });

    expect(await vendorCall().decide({ orderId: order.orderId, decision: 'reject' })).toMatchObject({ changed: false });
    await expectRefusedWithNothingWritten(
      () => vendorCall().decide({ orderId: order.orderId, decision: 'accept' }),
      'order_already_decided',
    );
    await expectRefusedWithNothingWritten(
      () =>
        vendorCall().decideLine({
          orderId: order.orderId,
          lineItemId: order.lines[1]?.lineItemId ?? '',
          decision: 'fulfill',
        }),
      'line_already_decided',
    );
    await expectRefusedWithNothingWritten(() => buyerCall().cancel({ orderId: order.orderId }), 'order_not_cancelable');
    const plainStock = await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, plain));
    expect(plainStock[0]).toMatchObject({ onHandQty: 50, reservedQty: 0 });
  });

  it('a line refused at checkout (no stock) is never released again by reject or cancel', async () => {
    const scarce = await product(5);
    const plenty = await product(50);
    const cart = await app.call({ token: buyer.token }).caller.cart.quote({
      items: [
        { productId: scarce, vendorStoreId: vendor.storeId, quantity: 5 },
        { productId: plenty, vendorStoreId: vendor.storeId, quantity: 2 },
      ],
    });
    // Someone else takes the scarce stock between the quote and the checkout.
    await app.deps.db
      .update(inventoryItems)
      .set({ onHandQty: 5, reservedQty: 3 })
      .where(eq(inventoryItems.productId, scarce));
    const placed = await app
      .call({ token: buyer.token, idempotencyKey: randomUUID() })
      .caller.checkout.submit({ cartId: cart.id, paymentMethod: 'cash' });
    const order = placed.vendorOrders[0];
    expect(order?.lines.map((line) => line.status)).toEqual(['rejected', 'pending']);
    await vendorCall().decide({ orderId: order?.orderId ?? '', decision: 'reject' });
    const [after] = await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, scarce));
    expect(after?.reservedQty).toBe(3);
    const [other] = await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, plenty));
    expect(other?.reservedQty).toBe(0);
    await app.deps.db.update(inventoryItems).set({ reservedQty: 0 }).where(eq(inventoryItems.productId, scarce));
    await expectStockBooks(app, initial);
  });
});

describe('vendor decides line by line', () => {
  it('refuses line decisions before the order is accepted, and writes nothing', async () => {
    const { order, lines } = await twoLineOrder();
    const details = await detailsOf(
      vendorCall().decideLine({ orderId: order.orderId, lineItemId: lines[0] ?? '', decision: 'fulfill' }),
    );
    expect(details).toMatchObject({
      code: 'STATE_CONFLICT',
      details: { reason: 'order_not_accepted', status: 'created_pending' },
    });
    await expectRefusedWithNothingWritten(
      () => vendorCall().decideLine({ orderId: order.orderId, lineItemId: lines[1] ?? '', decision: 'reject' }),
      'order_not_accepted',
    );
  });

  it('fulfil one, reject one with a note: stock, totals and payment follow; then ready for dispatch (partial)', async () => {
    const { order, tiered, plain, lines } = await twoLineOrder();
    const [tieredLine = '', plainLine = ''] = lines;
    await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });

    const first = await vendorCall().decideLine({
      orderId: order.orderId,
      lineItemId: tieredLine,
      decision: 'fulfill',
    });
    expect(first).toMatchObject({ changed: true, status: 'accepted', fulfillmentStatus: 'pending', totalCents: 9990 });

    const second = await vendorCall().decideLine({
      orderId: order.orderId,
      lineItemId: plainLine,
      decision: 'reject',
      note: 'Out of this batch, sorry',
    });
    // Oracle: only 4 × $10 − 10 % tier = 3600 left; the 10 % promo on it = 360 → 3240.
    expect(second).toMatchObject({
      changed: true,
      status: 'ready_for_dispatch',
      fulfillmentStatus: 'partial',
      totalCents: 3240,
      balanceDueCents: 3240,
      paymentAmountCents: 3240,
    });
    const stock = new Map(
      (await app.deps.db.select().from(inventoryItems)).map((row) => [row.productId, row.reservedQty]),
    );
    expect(stock.get(plain)).toBe(0);
    expect(stock.get(tiered)).toBe(4);
    await expectStockBooks(app, initial);
    const { order: row, lines: rows } = await expectOrderBooks(app, order.orderId);
    expect(row?.fulfilledAt).not.toBeNull();
    expect(row?.promoDiscountCents).toBe(360);
    expect(rows.find((line) => line.id === plainLine)?.notes).toBe('Out of this batch, sorry');

    const events = await eventsOf(app, order.orderId);
    expect(events.map((e) => e.type)).toEqual(['order_decided', 'order_ready_for_dispatch']);
    expect(dataOf(events[1])).toMatchObject({
      fulfillment_status: 'partial',
      shipping_status: 'pending',
      rejected_item_count: 1,
      resolved_line_item_id: plainLine,
    });

    // Same decision again: nothing changes; the opposite decision on a decided line is refused.
    const repeat = await vendorCall().decideLine({ orderId: order.orderId, lineItemId: plainLine, decision: 'reject' });
    expect(repeat.changed).toBe(false);
    await expectRefusedWithNothingWritten(
      () => vendorCall().decideLine({ orderId: order.orderId, lineItemId: plainLine, decision: 'fulfill' }),
      'line_already_decided',
    );
    await expectRefusedWithNothingWritten(
      () => vendorCall().decideLine({ orderId: order.orderId, lineItemId: tieredLine, decision: 'reject' }),
      'line_already_decided',
    );
    await expectRefusedWithNothingWritten(
      () => vendorCall().decide({ orderId: order.orderId, decision: 'reject' }),
      'order_already_decided',
    );
  });

  it('fulfilling every line makes the order fully fulfilled', async () => {
    const { order, lines } = await twoLineOrder();
    await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });
    for (const lineItemId of lines) {
      await vendorCall().decideLine({ orderId: order.orderId, lineItemId, decision: 'fulfill' });
    }
    const { order: row } = await expectOrderBooks(app, order.orderId);
    expect(row).toMatchObject({ status: 'ready_for_dispatch', fulfillmentStatus: 'fulfilled', totalCents: 9990 });
    await expectStockBooks(app, initial);
  });

  it('rejecting every line rejects the order (nothing to deliver) and tells the buyer', async () => {
    const { order, lines } = await twoLineOrder();
    await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });
    for (const lineItemId of lines) {
      await vendorCall().decideLine({ orderId: order.orderId, lineItemId, decision: 'reject' });
    }
    const { order: row } = await expectOrderBooks(app, order.orderId);
    expect(row).toMatchObject({ status: 'rejected', totalCents: 0, balanceDueCents: 0 });
    const types = (await eventsOf(app, order.orderId)).map((e) => e.type);
    expect(types).toEqual(['order_decided', 'order_decided']);
    await expectStockBooks(app, initial);
  });

  it('a line of another order is NOT_FOUND and changes nothing', async () => {
    const first = await twoLineOrder();
    const second = await twoLineOrder();
    await vendorCall().decide({ orderId: first.order.orderId, decision: 'accept' });
    const before = await orderWorld(app);
    const failure = await failureOf(
      vendorCall().decideLine({ orderId: first.order.orderId, lineItemId: second.lines[0] ?? '', decision: 'reject' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect(await orderWorld(app)).toEqual(before);
  });
});

describe('buyer cancels before transit', () => {
  it('cancels a pending order: releases its stock once, zeroes the books, tells the vendor; repeating is a no-op', async () => {
    const { order } = await twoLineOrder();
    const result = await buyerCall().cancel({ orderId: order.orderId, reason: 'Ordered twice by mistake' });
    expect(result).toMatchObject({ changed: true, status: 'canceled', totalCents: 0, paymentAmountCents: 0 });
    await expectStockBooks(app, initial);
    const { order: row } = await expectOrderBooks(app, order.orderId);
    expect(row?.canceledAt).not.toBeNull();
    const events = await eventsOf(app, order.orderId);
    expect(events.map((e) => e.type)).toEqual(['order_canceled']);
    expect(dataOf(events[0])).toMatchObject({
      reason: 'Ordered twice by mistake',
      vendor_store_id: vendor.storeId,
    });
    expect((await buyerCall().cancel({ orderId: order.orderId })).changed).toBe(false);
    await expectRefusedWithNothingWritten(
      () => vendorCall().decide({ orderId: order.orderId, decision: 'accept' }),
      'order_already_decided',
    );
  });

  it('cancels a ready order: fulfilled lines give their stock back, a vendor-rejected line is not released twice', async () => {
    const { order, lines } = await twoLineOrder();
    await vendorCall().decide({ orderId: order.orderId, decision: 'accept' });
    await vendorCall().decideLine({ orderId: order.orderId, lineItemId: lines[0] ?? '', decision: 'fulfill' });
    await vendorCall().decideLine({ orderId: order.orderId, lineItemId: lines[1] ?? '', decision: 'reject' });
    await expectStockBooks(app, initial);
    await buyerCall().cancel({ orderId: order.orderId });
    await expectStockBooks(app, initial);
    const { order: row } = await expectOrderBooks(app, order.orderId);
    expect(row?.status).toBe('canceled');
  });

  it('refuses to cancel once the order is in transit or delivered, writing nothing', async () => {
    for (const [status, shippingStatus, reason] of [
      ['in_transit', 'in_transit', 'order_not_cancelable'],
      ['delivered', 'delivered', 'order_not_cancelable'],
      ['hold', 'delivered', 'order_in_transit'],
    ] as const) {
      const { order } = await twoLineOrder();
      await app.deps.db.update(vendorOrders).set({ status, shippingStatus }).where(eq(vendorOrders.id, order.orderId));
      const details = await detailsOf(buyerCall().cancel({ orderId: order.orderId }));
      expect(details?.code).toBe('STATE_CONFLICT');
      expect(details?.details).toMatchObject({ status, shippingStatus });
      await expectRefusedWithNothingWritten(() => buyerCall().cancel({ orderId: order.orderId }), reason);
      // Back to a state the stock books understand (the lines hold stock until delivery consumes it).
      await app.deps.db
        .update(vendorOrders)
        .set({ status: 'created_pending', shippingStatus: 'pending' })
        .where(eq(vendorOrders.id, order.orderId));
    }
    await expectStockBooks(app, initial);
  });

  it('refuses an expired order; the vendor cannot decide a canceled or expired one either', async () => {
    const { order, lines } = await twoLineOrder();
    await app.deps.db.update(vendorOrders).set({ status: 'expired' }).where(eq(vendorOrders.id, order.orderId));
    await app.deps.db
      .update(orderLineItems)
      .set({ status: 'rejected' })
      .where(eq(orderLineItems.orderId, order.orderId));
    for (const line of lines) {
      const [row] = await app.deps.db.select().from(orderLineItems).where(eq(orderLineItems.id, line));
      const [stock] = await app.deps.db
        .select()
        .from(inventoryItems)
        .where(eq(inventoryItems.productId, row?.productId ?? ''));
      await app.deps.db
        .update(inventoryItems)
        .set({ reservedQty: (stock?.reservedQty ?? 0) - (row?.qty ?? 0) })
        .where(eq(inventoryItems.productId, row?.productId ?? ''));
    }
    await expectRefusedWithNothingWritten(() => buyerCall().cancel({ orderId: order.orderId }), 'order_not_cancelable');
    await expectRefusedWithNothingWritten(
      () => vendorCall().decide({ orderId: order.orderId, decision: 'accept' }),
      'order_already_decided',
    );
    await expectRefusedWithNothingWritten(
      () => vendorCall().decideLine({ orderId: order.orderId, lineItemId: lines[0] ?? '', decision: 'fulfill' }),
      'line_already_decided',
    );
    await expectStockBooks(app, initial);
  });
});

describe('keys, replays and notifications', () => {
  it('requires an Idempotency-Key on every decision and on cancel', async () => {
    const { order, lines } = await twoLineOrder();
    const noKey = (token: string) => app.call({ token }).caller;
    const before = await orderWorld(app);
    for (const call of [
      () => noKey(vendor.token).vendorOrders.decide({ orderId: order.orderId, decision: 'accept' }),
      () =>
        noKey(vendor.token).vendorOrders.decideLine({
          orderId: order.orderId,
          lineItemId: lines[0] ?? '',
          decision: 'fulfill',
        }),
      () => noKey(buyer.token).buyerOrders.cancel({ orderId: order.orderId }),
    ]) {
      expect((await failureOf(call())).code).toBe('VALIDATION_ERROR');
    }
    expect(await orderWorld(app)).toEqual(before);
  });

  it('a replayed key answers the first result and does not decide twice', async () => {
    const { order } = await twoLineOrder();
    const key = randomUUID();
    const first = await app.call({ token: vendor.token, idempotencyKey: key }).caller.vendorOrders.decide({
      orderId: order.orderId,
      decision: 'reject',
    });
    const replay = await app.call({ token: vendor.token, idempotencyKey: key }).caller.vendorOrders.decide({
      orderId: order.orderId,
      decision: 'reject',
    });
    expect(replay).toEqual(first);
    expect(await eventsOf(app, order.orderId)).toHaveLength(1);
    await expectStockBooks(app, initial);
  });

  it('decisions and cancels reach the other party as in-app notifications', async () => {
    const accepted = (await twoLineOrder()).order;
    const canceled = (await twoLineOrder()).order;
    const ready = await twoLineOrder();
    await vendorCall().decide({ orderId: accepted.orderId, decision: 'accept' });
    await buyerCall().cancel({ orderId: canceled.orderId });
    await vendorCall().decide({ orderId: ready.order.orderId, decision: 'accept' });
    for (const lineItemId of ready.lines) {
      await vendorCall().decideLine({ orderId: ready.order.orderId, lineItemId, decision: 'fulfill' });
    }
    await deliverNotifications(app);
    const inbox = async (storeId: string) =>
      (await app.deps.db.select().from(notifications).where(eq(notifications.storeId, storeId))).map(
        (row) => `${row.title} → ${row.link}`,
      );
    const buyerInbox = await inbox(buyer.storeId);
    expect(buyerInbox).toContain(`Order accepted → /buyer/orders/${accepted.orderId}`);
    expect(buyerInbox).toContain(`Order ready for dispatch → /buyer/orders/${ready.order.orderId}`);
    expect(await inbox(vendor.storeId)).toContain(`Order canceled → /vendor/orders/${canceled.orderId}`);
  });
});

describe('over real HTTP', () => {
  it('a refused transition answers 422 with code STATE_CONFLICT and the reason in details', async () => {
    const server = await serveTrpc(app.deps, app.router);
    try {
      const { order } = await twoLineOrder();
      await vendorCall().decide({ orderId: order.orderId, decision: 'reject' });
      const response = await fetch(server.url('vendorOrders.decide'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${vendor.token}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ orderId: order.orderId, decision: 'accept' }),
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> } };
      expect(body.error.data).toMatchObject({
        code: 'STATE_CONFLICT',
        details: { reason: 'order_already_decided', status: 'rejected', decision: 'accept' },
      });
      expect(body.error.message).toBe('This order is rejected; only a pending order can be accepted.');
    } finally {
      await server.close();
    }
  });
});
