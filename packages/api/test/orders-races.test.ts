import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/seeded-random';
import { createTestApp, type TestApp } from '../src/testing';
import { listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { codeOf, deadlocks } from './checkout-load-helpers';
import { RELAXED_LIMITS } from './helpers';
import { eventsOf, expectOrderBooks, expectStockBooks, insertOrder, lineIdsOf, placeOrder } from './orders-fixtures';

const ROUNDS = 50;
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

type Outcome = { ok: true; changed: boolean } | { ok: false; code: string };
const settle = async (call: Promise<{ changed: boolean }>): Promise<Outcome> => {
  try {
    return { ok: true, changed: (await call).changed };
  } catch (error) {
    return { ok: false, code: codeOf(error) };
  }
};
const asVendor = () => app.call({ token: vendor.token, idempotencyKey: randomUUID() }).caller.vendorOrders;
const asBuyer = () => app.call({ token: buyer.token, idempotencyKey: randomUUID() }).caller.buyerOrders;

async function freshOrder() {
  const placed = await insertOrder(app, buyer.storeId, vendor.storeId, [{ qty: 3 }, { qty: 2, priceCents: 2500 }]);
  for (const id of placed.productIds) initial.set(id, 100);
  return placed;
}

const winners = (outcomes: Outcome[]) => outcomes.filter((o) => o.ok && o.changed).length;
const conflicts = (outcomes: Outcome[]) => outcomes.filter((o) => !o.ok && o.code === 'STATE_CONFLICT').length;
const typesOf = async (orderId: string) => (await eventsOf(app, orderId)).map((event) => event.type);

describe(`races on one order (${ROUNDS} rounds each, real PostgreSQL)`, () => {
  it('the same order decision twice at once: one changes the order, the other finds it done', async () => {
    const deadlocksBefore = await deadlocks(app);
    for (let round = 0; round < ROUNDS; round++) {
      const { orderId } = await freshOrder();
      const decision = round % 2 === 0 ? 'accept' : 'reject';
      const outcomes = await Promise.all([
        settle(asVendor().decide({ orderId, decision })),
        settle(asVendor().decide({ orderId, decision })),
      ]);
      expect(winners(outcomes)).toBe(1);
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(await typesOf(orderId)).toEqual(['order_decided']);
      const { order } = await expectOrderBooks(app, orderId);
      expect(order?.status).toBe(decision === 'accept' ? 'accepted' : 'rejected');
    }
    await expectStockBooks(app, initial);
    expect(await deadlocks(app)).toBe(deadlocksBefore);
  }, 120_000);

  it('accept against reject: exactly one wins, the other is a STATE_CONFLICT', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orderId } = await freshOrder();
      const outcomes = await Promise.all([
        settle(asVendor().decide({ orderId, decision: 'accept' })),
        settle(asVendor().decide({ orderId, decision: 'reject' })),
      ]);
      expect(winners(outcomes)).toBe(1);
      expect(conflicts(outcomes)).toBe(1);
      expect(await typesOf(orderId)).toEqual(['order_decided']);
      await expectOrderBooks(app, orderId);
    }
    await expectStockBooks(app, initial);
  }, 120_000);

  it('cancel against accept: the order ends canceled with its stock released once; accept after cancel conflicts', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orderId } = await freshOrder();
      const [cancel, accept] = await Promise.all([
        settle(asBuyer().cancel({ orderId })),
        settle(asVendor().decide({ orderId, decision: 'accept' })),
      ]);
      // Cancel always wins (an accepted order may still be canceled); accept either came first or conflicts.
      expect(cancel).toEqual({ ok: true, changed: true });
      const types = await typesOf(orderId);
      if (accept.ok) {
        expect(types.sort()).toEqual(['order_canceled', 'order_decided']);
      } else {
        expect(accept).toEqual({ ok: false, code: 'STATE_CONFLICT' });
        expect(types).toEqual(['order_canceled']);
      }
      const { order } = await expectOrderBooks(app, orderId);
      expect(order?.status).toBe('canceled');
    }
    await expectStockBooks(app, initial);
  }, 120_000);

  it('cancel against reject: exactly one ends the order, the other is a STATE_CONFLICT', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orderId } = await freshOrder();
      const outcomes = await Promise.all([
        settle(asBuyer().cancel({ orderId })),
        settle(asVendor().decide({ orderId, decision: 'reject' })),
      ]);
      expect(winners(outcomes)).toBe(1);
      expect(conflicts(outcomes)).toBe(1);
      expect(await typesOf(orderId)).toHaveLength(1);
      await expectOrderBooks(app, orderId);
    }
    await expectStockBooks(app, initial);
  }, 120_000);

  it('the same line rejected twice at once releases its stock once; cancel against the last line decision', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orderId } = await freshOrder();
      await asVendor().decide({ orderId, decision: 'accept' });
      const [first = '', second = ''] = await lineIdsOf(app, orderId);
      const twice = await Promise.all([
        settle(asVendor().decideLine({ orderId, lineItemId: first, decision: 'reject' })),
        settle(asVendor().decideLine({ orderId, lineItemId: first, decision: 'reject' })),
      ]);
      expect(winners(twice)).toBe(1);
      const [cancel, last] = await Promise.all([
        settle(asBuyer().cancel({ orderId })),
        settle(asVendor().decideLine({ orderId, lineItemId: second, decision: 'fulfill' })),
      ]);
      expect(cancel).toEqual({ ok: true, changed: true });
      if (!last.ok) expect(last.code).toBe('STATE_CONFLICT');
      const { order } = await expectOrderBooks(app, orderId);
      expect(order?.status).toBe('canceled');
    }
    await expectStockBooks(app, initial);
  }, 120_000);

  it('a random mix of decisions and cancels on shared stock, eight at a time, keeps every book straight', async () => {
    const random = seededRandom(20261205);
    const shared = await Promise.all([0, 1, 2].map(() => stockedProduct(app, vendor.storeId, { onHandQty: 200 })));
    for (const id of shared) initial.set(id, 200);
    const orders: string[] = [];
    for (let i = 0; i < 24; i++) {
      const items = shared
        .filter(() => random.chance(0.7))
        .map((productId) => ({ productId, quantity: random.int(1, 4) }));
      const placed = await placeOrder(
        app,
        buyer,
        vendor.storeId,
        items.length > 0 ? items : [{ productId: shared[0] ?? '', quantity: 1 }],
      );
      orders.push(placed.orderId);
    }
    // Drawn in a fixed order (decisions included), so the seed fixes the whole plan.
    const actions: (() => Promise<{ changed: boolean }>)[][] = [];
    for (const orderId of orders) {
      const [first = '', second = first] = await lineIdsOf(app, orderId);
      const decision = random.chance(0.8) ? 'accept' : 'reject';
      const firstLine = random.chance(0.5) ? 'fulfill' : 'reject';
      const secondLine = random.chance(0.5) ? 'fulfill' : 'reject';
      const steps = [
        () => asVendor().decide({ orderId, decision }),
        () => asVendor().decideLine({ orderId, lineItemId: first, decision: firstLine }),
        () => asVendor().decideLine({ orderId, lineItemId: second, decision: secondLine }),
        () => asBuyer().cancel({ orderId }),
      ];
      actions.push(steps.filter(() => random.chance(0.75)));
    }
    // Shuffled across orders, then run eight at a time: refusals are fine, anything but STATE_CONFLICT is not.
    const queue = actions.flat().sort(() => random.next() - 0.5);
    const codes = new Map<string, number>();
    for (let start = 0; start < queue.length; start += 8) {
      const outcomes = await Promise.all(queue.slice(start, start + 8).map((step) => settle(step())));
      for (const outcome of outcomes) {
        const key = outcome.ok ? (outcome.changed ? 'changed' : 'unchanged') : outcome.code;
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }
    }
    expect([...codes.keys()].filter((key) => !['changed', 'unchanged', 'STATE_CONFLICT'].includes(key))).toEqual([]);
    expect(codes.get('changed')).toBeGreaterThan(0);
    for (const orderId of orders) await expectOrderBooks(app, orderId);
    await expectStockBooks(app, initial);
  }, 120_000);
});
