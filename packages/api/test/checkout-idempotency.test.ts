import { randomUUID } from 'node:crypto';
import { inventoryItems, vendorOrders } from '@pf/db';
import { eq } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing';
import { listedVendor, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { codeOf, expectConsistentOrders, inParallel } from './checkout-load-helpers';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());

describe('checkout idempotency under load', () => {
  it('1,000 replays of one key with 50 in flight: one set of orders, identical answers', async () => {
    const [buyer, vendorA, vendorB] = await Promise.all([verifiedBuyer(app), listedVendor(app), listedVendor(app)]);
    const a = await stockedProduct(app, vendorA.storeId, {
      onHandQty: 20,
      tiers: [{ minQty: 2, discountPercent: 10 }],
    });
    const b = await stockedProduct(app, vendorB.storeId, { onHandQty: 20 });
    const cart = await app.call({ token: buyer.token }).caller.cart.quote({
      items: [
        { productId: a, vendorStoreId: vendorA.storeId, quantity: 3 },
        { productId: b, vendorStoreId: vendorB.storeId, quantity: 2 },
      ],
    });
    const key = randomUUID();
    const answers: string[] = [];
    let inProgress = 0;
    await inParallel(50, 1000, async () => {
      // A client retries a request that is still being processed, as the IDEMPOTENCY_IN_PROGRESS code tells it.
      for (;;) {
        try {
          const result = await app
            .call({ token: buyer.token, idempotencyKey: key })
            .caller.checkout.submit({ cartId: cart.id, paymentMethod: 'cash' });
          // Key order is not part of the answer (a stored replay comes back from jsonb).
          answers.push(stringify(result) ?? '');
          return;
        } catch (error) {
          if (codeOf(error) !== 'IDEMPOTENCY_IN_PROGRESS') throw error;
          inProgress++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    });
    expect(answers).toHaveLength(1000);
    expect(new Set(answers).size).toBe(1);
    const orders = await app.deps.db.select().from(vendorOrders).where(eq(vendorOrders.cartId, cart.id));
    expect(orders).toHaveLength(2);
    expect(JSON.parse(answers[0] ?? '{}').checkoutGroupId).toBe(orders[0]?.checkoutGroupId);
    const stock = await app.deps.db.select().from(inventoryItems);
    expect(stock.find((row) => row.productId === a)?.reservedQty).toBe(3);
    expect(stock.find((row) => row.productId === b)?.reservedQty).toBe(2);
    await expectConsistentOrders(app);
    // Not asserted: how many requests found the first one still running depends on timing.
    expect(inProgress).toBeGreaterThanOrEqual(0);
  }, 300_000);
});
