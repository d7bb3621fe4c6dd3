import { randomUUID } from 'node:crypto';
import { vendorOrders } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import { listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { RELAXED_LIMITS } from './helpers';
import { placeOrder } from './orders-fixtures';

let app: TestApp;
let vendor: Party;
let otherVendor: Party;
let buyer: Party;
let otherBuyer: Party;
/** Orders of `buyer` with `vendor`, oldest first. */
const placed: { orderId: string; orderNumber: number }[] = [];
let otherBuyersOrder: string;
let otherVendorsOrder: string;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  vendor = await listedVendor(app, `Sunrise ${randomUUID().slice(0, 4)}`);
  otherVendor = await listedVendor(app, `Red Dirt ${randomUUID().slice(0, 4)}`);
  buyer = await verifiedBuyer(app, `Green Leaf ${randomUUID().slice(0, 4)}`);
  otherBuyer = await verifiedBuyer(app, `Blue Door ${randomUUID().slice(0, 4)}`);
  const gummies = await stockedProduct(app, vendor.storeId, { title: 'Mango Gummies 10pk', onHandQty: 500 });
  const flower = await stockedProduct(app, vendor.storeId, { title: 'Blue Dream 3.5g', onHandQty: 500 });
  for (let i = 0; i < 5; i++) {
    const order = await placeOrder(app, buyer, vendor.storeId, [
      { productId: i < 2 ? gummies : flower, quantity: i + 1 },
    ]);
    placed.push({ orderId: order.orderId, orderNumber: order.orderNumber });
  }
  otherBuyersOrder = (await placeOrder(app, otherBuyer, vendor.storeId, [{ productId: flower, quantity: 1 }])).orderId;
  const theirs = await stockedProduct(app, otherVendor.storeId, { title: 'Other Kush', onHandQty: 10 });
  otherVendorsOrder = (await placeOrder(app, buyer, otherVendor.storeId, [{ productId: theirs, quantity: 1 }])).orderId;
  // Spread creation times over five days (one per day) so the date filter has something to cut.
  for (const [index, order] of placed.entries()) {
    await app.deps.db
      .update(vendorOrders)
      .set({ createdAt: new Date(Date.UTC(2026, 10, 1 + index, 12)) })
      .where(eq(vendorOrders.id, order.orderId));
  }
  await app
    .call({ token: vendor.token, idempotencyKey: randomUUID() })
    .caller.vendorOrders.decide({ orderId: placed[0]?.orderId ?? '', decision: 'accept' });
  await app
    .call({ token: buyer.token, idempotencyKey: randomUUID() })
    .caller.buyerOrders.cancel({ orderId: placed[1]?.orderId ?? '' });
});
afterAll(() => app.close());

const asVendor = () => app.call({ token: vendor.token }).caller.vendorOrders;
const asBuyer = () => app.call({ token: buyer.token }).caller.buyerOrders;
const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('order lists', () => {
  it('a vendor sees its own orders only, newest first, each naming the buyer', async () => {
    const page = await asVendor().list();
    expect(ids(page)).toEqual([otherBuyersOrder, ...[...placed].reverse().map((o) => o.orderId)]);
    expect(ids(page)).not.toContain(otherVendorsOrder);
    const first = page.items.find((item) => item.id === placed[4]?.orderId);
    expect(first).toMatchObject({ status: 'created_pending', paymentStatus: 'unpaid', totalItems: 5, lineCount: 1 });
    expect(first?.counterparty).toEqual({ storeId: buyer.storeId, name: expect.stringMatching(/^Green Leaf/) });
  });

  it("a buyer sees its own orders across vendors, each naming the vendor, never another buyer's", async () => {
    const page = await asBuyer().list();
    expect(ids(page)).toContain(otherVendorsOrder);
    expect(ids(page)).not.toContain(otherBuyersOrder);
    expect(page.items.find((item) => item.id === otherVendorsOrder)?.counterparty.name).toMatch(/^Red Dirt/);
    expect(page.counts.all).toBe(6);
  });

  it('filters by status with per-status counts for the tabs', async () => {
    const page = await asVendor().list({ status: 'created_pending' });
    expect(ids(page).sort()).toEqual(
      [otherBuyersOrder, placed[2]?.orderId, placed[3]?.orderId, placed[4]?.orderId].sort(),
    );
    expect(page.counts.all).toBe(6);
    expect(page.counts.byStatus).toMatchObject({ created_pending: 4, accepted: 1, canceled: 1, rejected: 0 });
  });

  it('filters by creation date (from inclusive, to exclusive)', async () => {
    const page = await asVendor().list({ dateFrom: '2026-11-02T00:00:00Z', dateTo: '2026-11-04T12:00:00Z' });
    expect(ids(page)).toEqual([placed[2]?.orderId, placed[1]?.orderId]);
    expect(page.counts.all).toBe(2);
  });

  it('searches order number, store name and product name', async () => {
    const byNumber = await asVendor().list({ q: `#${placed[3]?.orderNumber}` });
    expect(ids(byNumber)).toEqual([placed[3]?.orderId]);
    const byProduct = await asVendor().list({ q: 'mango' });
    expect(ids(byProduct)).toEqual([placed[1]?.orderId, placed[0]?.orderId]);
    const byBuyer = await asVendor().list({ q: 'blue door' });
    expect(ids(byBuyer)).toEqual([otherBuyersOrder]);
    const byVendor = await asBuyer().list({ q: 'red dirt' });
    expect(ids(byVendor)).toEqual([otherVendorsOrder]);
    // Wildcards typed by a user are literal.
    expect((await asVendor().list({ q: '%' })).items).toEqual([]);
  });

  it('pages with a keyset cursor: every order once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof asVendor>['list']>> = await asVendor().list({
        limit: 2,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(await asVendor().list()));
    expect(seen).toHaveLength(6);
    expect((await failureOf(asVendor().list({ cursor: 'not-a-cursor' }))).code).toBe('VALIDATION_ERROR');
  });
});

describe('order detail', () => {
  it('shows lines, payment intent and a timeline built from the order events, to both parties', async () => {
    const orderId = placed[1]?.orderId ?? '';
    const forBuyer = await asBuyer().get({ orderId });
    const forVendor = await asVendor().get({ orderId });
    expect(forVendor).toEqual(forBuyer);
    expect(forBuyer).toMatchObject({
      status: 'canceled',
      buyer: { storeId: buyer.storeId },
      vendor: { storeId: vendor.storeId },
      totalCents: 0,
      paymentIntent: { status: 'unpaid', amountCents: 0, method: 'cash' },
    });
    expect(forBuyer.lines).toEqual([
      expect.objectContaining({ name: 'Mango Gummies 10pk', quantity: 2, status: 'rejected', notes: 'order_canceled' }),
    ]);
    expect(forBuyer.timeline.map((entry) => [entry.type, entry.title])).toEqual([
      ['order_created', 'Order placed'],
      ['order_canceled', 'Canceled by the buyer'],
    ]);
    const accepted = await asVendor().get({ orderId: placed[0]?.orderId ?? '' });
    expect(accepted.timeline.map((entry) => entry.title)).toEqual(['Order placed', 'Accepted by the vendor']);
  });

  it("another store's order answers NOT_FOUND, exactly like a random id", async () => {
    for (const call of [
      () => asVendor().get({ orderId: otherVendorsOrder }),
      () => asVendor().get({ orderId: randomUUID() }),
      () => asBuyer().get({ orderId: otherBuyersOrder }),
      () => asBuyer().get({ orderId: randomUUID() }),
      () => app.call({ token: otherVendor.token }).caller.vendorOrders.get({ orderId: placed[0]?.orderId ?? '' }),
    ]) {
      const failure = await failureOf(call());
      expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'Order not found.' });
    }
  });

  it('a vendor cannot decide, nor a buyer cancel, an order of another store (NOT_FOUND, nothing written)', async () => {
    const before = await asBuyer().get({ orderId: otherVendorsOrder });
    const foreign = app.call({ token: vendor.token, idempotencyKey: randomUUID() }).caller.vendorOrders;
    expect((await failureOf(foreign.decide({ orderId: otherVendorsOrder, decision: 'reject' }))).code).toBe(
      'NOT_FOUND',
    );
    const line = before.lines[0]?.id ?? '';
    expect(
      (await failureOf(foreign.decideLine({ orderId: otherVendorsOrder, lineItemId: line, decision: 'reject' }))).code,
    ).toBe('NOT_FOUND');
    const stranger = app.call({ token: otherBuyer.token, idempotencyKey: randomUUID() }).caller.buyerOrders;
    expect((await failureOf(stranger.cancel({ orderId: otherVendorsOrder }))).code).toBe('NOT_FOUND');
    expect(await asBuyer().get({ orderId: otherVendorsOrder })).toEqual(before);
  });
});
