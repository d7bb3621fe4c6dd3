import { randomUUID } from 'node:crypto';
import { cartRecords, inventoryItems, vendorOrders } from '@pf/db';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing';
import { listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { codeOf, deadlocks, expectConsistentOrders, inParallel } from './checkout-load-helpers';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
beforeAll(async () => {
  // A pool as wide as the production default's peak, so 200 callers really contend on the row.
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());

async function buyers(count: number): Promise<Party[]> {
  const list: Party[] = [];
  await inParallel(8, count, async () => {
    list.push(await verifiedBuyer(app));
  });
  return list;
}

describe('checkout under concurrency (real tRPC, real PostgreSQL)', () => {
  it('10,000 attempts from 200 callers on one SKU with stock 100 sell exactly 100 units', async () => {
    const vendor = await listedVendor(app);
    const sku = await stockedProduct(app, vendor.storeId, { priceCents: 900, onHandQty: 100 });
    const callers = await buyers(200);
    const deadlocksBefore = await deadlocks(app);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    await Promise.all(
      callers.map(async (buyer, callerIndex) => {
        let cartId: string | null = null;
        for (let attempt = 0; attempt < 50; attempt++) {
          // Mixed sizes first, single units at the end so the last units always find a taker.
          const quantity = attempt < 40 ? 1 + ((callerIndex + attempt) % 3) : 1;
          if (!cartId) {
            const quoted = await app
              .call({ token: buyer.token })
              .caller.cart.quote({ items: [{ productId: sku, vendorStoreId: vendor.storeId, quantity }] });
            cartId = quoted.id;
          }
          try {
            const result = await app
              .call({ token: buyer.token, idempotencyKey: randomUUID() })
              .caller.checkout.submit({ cartId, paymentMethod: 'cash' });
            count(result.vendorOrders[0]?.status ?? 'none');
            cartId = null;
          } catch (error) {
            // Nothing orderable left in this cart (its quote saw no free stock): an attempt refused up front.
            const code = codeOf(error);
            count(code);
            if (code !== 'CONFLICT') throw error;
            cartId = null;
          }
        }
      }),
    );
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    const [stock] = await app.deps.db
      .select()
      .from(inventoryItems)
      .where(inArray(inventoryItems.productId, [sku]));
    expect(stock).toMatchObject({ onHandQty: 100, reservedQty: 100 });
    const { held } = await expectConsistentOrders(app);
    expect(held.get(sku)).toBe(100);
    expect(outcomes.get('created_pending')).toBeGreaterThan(0);
    expect(await deadlocks(app)).toBe(deadlocksBefore);
  }, 900_000);

  it('mixed run: shared stock, two lines on one product, the same cart submitted concurrently → conserved, no deadlocks', async () => {
    const vendorA = await listedVendor(app);
    const vendorB = await listedVendor(app);
    const products = [
      {
        id: await stockedProduct(app, vendorA.storeId, { onHandQty: 30, tiers: [{ minQty: 3, discountPercent: 10 }] }),
        vendor: vendorA,
      },
      { id: await stockedProduct(app, vendorA.storeId, { onHandQty: 20 }), vendor: vendorA },
      { id: await stockedProduct(app, vendorB.storeId, { onHandQty: 50 }), vendor: vendorB },
      { id: await stockedProduct(app, vendorB.storeId, { onHandQty: 15 }), vendor: vendorB },
    ];
    const callers = await buyers(40);
    const deadlocksBefore = await deadlocks(app);
    const codes = new Map<string, number>();
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        callers.map(async (buyer, index) => {
          const pick = (k: number) => products[(index + k + round) % products.length] as (typeof products)[number];
          const twice = pick(0);
          const cart = await app.call({ token: buyer.token }).caller.cart.quote({
            // The same product on two lines (merged into one reservation) and two more products.
            items: [
              { productId: twice.id, vendorStoreId: twice.vendor.storeId, quantity: 1 + (index % 2) },
              { productId: pick(1).id, vendorStoreId: pick(1).vendor.storeId, quantity: 2 },
              { productId: twice.id, vendorStoreId: twice.vendor.storeId, quantity: 1 },
              { productId: pick(2).id, vendorStoreId: pick(2).vendor.storeId, quantity: 1 },
            ],
          });
          const sharedKey = randomUUID();
          const submit = (key: string) =>
            app
              .call({ token: buyer.token, idempotencyKey: key })
              .caller.checkout.submit({ cartId: cart.id, paymentMethod: 'cash' })
              .then((result) => result.checkoutGroupId)
              .catch((error) => {
                const code = codeOf(error);
                codes.set(code, (codes.get(code) ?? 0) + 1);
                if (!['CONFLICT', 'IDEMPOTENCY_IN_PROGRESS'].includes(code)) throw error;
                return null;
              });
          // Three different keys and two requests sharing one: one checkout, the rest replay or wait.
          const groups = await Promise.all([
            submit(randomUUID()),
            submit(randomUUID()),
            submit(randomUUID()),
            submit(sharedKey),
            submit(sharedKey),
          ]);
          const distinct = new Set(groups.filter(Boolean));
          expect(distinct.size).toBeLessThanOrEqual(1);
        }),
      );
    }
    const { held, orders } = await expectConsistentOrders(app);
    const stock = await app.deps.db
      .select()
      .from(inventoryItems)
      .where(
        inArray(
          inventoryItems.productId,
          products.map((p) => p.id),
        ),
      );
    const initial = new Map([
      [products[0]?.id, 30],
      [products[1]?.id, 20],
      [products[2]?.id, 50],
      [products[3]?.id, 15],
    ]);
    for (const row of stock) {
      expect(row.onHandQty).toBe(initial.get(row.productId));
      expect(row.reservedQty).toBe(held.get(row.productId) ?? 0);
      expect(row.reservedQty).toBeLessThanOrEqual(row.onHandQty);
    }
    // Each cart converted at most once, into at most one order per vendor.
    const carts = await app.deps.db.select().from(cartRecords);
    for (const cart of carts.filter((c) => c.status === 'converted')) {
      const own = orders.filter((order) => order.cartId === cart.id);
      expect(new Set(own.map((order) => order.checkoutGroupId)).size).toBe(1);
      expect(new Set(own.map((order) => order.vendorStoreId)).size).toBe(own.length);
    }
    expect(await app.deps.db.$count(vendorOrders)).toBe(orders.length);
    expect(await deadlocks(app)).toBe(deadlocksBefore);
  }, 600_000);
});
