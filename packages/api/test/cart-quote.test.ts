import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteBuyerCart } from '../src/services/cart/quote-cart';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import {
  commerceCounts,
  insertPromo,
  listedVendor,
  type Party,
  stockedProduct,
  verifiedBuyer,
} from './checkout-fixtures';
import { RELAXED_LIMITS } from './helpers';
import { setVendorStanding } from './product-fixtures';

let app: TestApp;
let buyer: Party;
let vendorA: Party;
let vendorB: Party;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  [buyer, vendorA, vendorB] = await Promise.all([
    verifiedBuyer(app),
    listedVendor(app, 'Alpha Farms'),
    listedVendor(app, 'Beta Growers'),
  ]);
});
afterAll(() => app.close());

const cart = (token = buyer.token) => app.call({ token }).caller.cart;

describe('cart.quote', () => {
  it('prices a two-vendor cart on the server, merges duplicates, applies a tier and a promo, and cart.get reads it back', async () => {
    const flower = await stockedProduct(app, vendorA.storeId, {
      priceCents: 1250,
      tiers: [{ minQty: 10, discountPercent: 10 }],
    });
    const vape = await stockedProduct(app, vendorB.storeId, {
      priceCents: 2000,
      moq: 3,
      tiers: [{ minQty: 6, discountPercent: 5 }],
    });
    const promo = await insertPromo(app, vendorA.storeId, { code: 'TENOFF', kind: 'percent', percentBps: 1000 });
    const quoted = await cart().quote({
      items: [
        { productId: flower, vendorStoreId: vendorA.storeId, quantity: 6 },
        { productId: vape, vendorStoreId: vendorB.storeId, quantity: 1 },
        { productId: flower, vendorStoreId: vendorA.storeId, quantity: 6 },
      ],
      vendorPromos: [{ vendorStoreId: vendorA.storeId, code: 'tenoff' }],
    });
    expect(quoted.vendorGroups.map((g) => g.vendorStoreName)).toEqual(['Alpha Farms', 'Beta Growers']);
    const [alpha, beta] = quoted.vendorGroups;
    // 12 × 1250 = 15000; tier 10 % → 1125 each = 13500; promo 10 % of 13500 = 1350 → 12150.
    expect(alpha).toMatchObject({
      subtotalCents: 15000,
      lineDiscountsCents: 1500,
      promoDiscountCents: 1350,
      totalCents: 12150,
    });
    expect(alpha?.promo).toMatchObject({ code: promo.code, kind: 'percent', percentBps: 1000, discountCents: 1350 });
    expect(alpha?.items[0]).toMatchObject({ quantity: 12, requestedQuantity: 12, effectiveUnitPriceCents: 1125 });
    expect(alpha?.items[0]?.warnings.map((w) => w.code)).toEqual(['merged_duplicates']);
    // MOQ 3 clamps the vape; 3 more would reach the 5 % tier.
    expect(beta?.items[0]).toMatchObject({
      quantity: 3,
      nextTier: { minQty: 6, additionalQuantity: 3, effectiveUnitPriceCents: 1900 },
    });
    expect(beta?.items[0]?.warnings.map((w) => w.code)).toEqual(['clamped_to_moq']);
    expect(quoted).toMatchObject({
      subtotalCents: 21000,
      discountsCents: 2850,
      totalCents: 18150,
      lineCount: 2,
      okLineCount: 2,
    });
    expect(new Date(quoted.validUntil).getTime() - new Date(quoted.quotedAt).getTime()).toBe(15 * 60 * 1000);
    expect(await cart().get()).toEqual(quoted);
  });

  it('re-quoting replaces the snapshot in place and warns when a price changed', async () => {
    const productId = await stockedProduct(app, vendorA.storeId, { priceCents: 500 });
    const first = await cart().quote({ items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 2 }] });
    const { products } = await import('@pf/db');
    const { eq } = await import('drizzle-orm');
    await app.deps.db.update(products).set({ priceCents: 650 }).where(eq(products.id, productId));
    const second = await cart().quote({ items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 2 }] });
    expect(second.id).toBe(first.id);
    expect(second.vendorGroups[0]?.items[0]?.warnings).toEqual([
      { code: 'price_changed', message: 'Price changed from $5.00 to $6.50.', previousUnitPriceCents: 500 },
    ]);
    const stored = await cart().get();
    expect(stored?.lineCount).toBe(1);
  });

  it('a promo of another vendor, an unknown one and a used-up one take nothing off (soft invalid_promo)', async () => {
    const productId = await stockedProduct(app, vendorA.storeId, { priceCents: 1000 });
    const foreign = await insertPromo(app, vendorB.storeId, { code: 'BETAONLY' });
    const usedUp = await insertPromo(app, vendorA.storeId, {
      kind: 'fixed',
      percentBps: null,
      amountCents: 100,
      usageLimit: 1,
      usedCount: 1,
    });
    const before = await commerceCounts(app);
    for (const [code, reason] of [
      [foreign.code, 'unknown'],
      ['NOSUCH', 'unknown'],
      [usedUp.code, 'exhausted'],
    ] as const) {
      const quoted = await cart().quote({
        items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }],
        vendorPromos: [{ vendorStoreId: vendorA.storeId, code }],
      });
      expect(quoted.vendorGroups[0]).toMatchObject({ promo: null, promoDiscountCents: 0, totalCents: 1000 });
      expect(quoted.vendorGroups[0]?.warnings).toMatchObject([{ code: 'invalid_promo', reason }]);
    }
    expect((await commerceCounts(app)).promoUses).toBe(before.promoUses);
  });

  it('marks a line beyond free stock not_available and leaves it out of the totals', async () => {
    const productId = await stockedProduct(app, vendorA.storeId, { onHandQty: 4 });
    const quoted = await cart().quote({ items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 5 }] });
    expect(quoted.vendorGroups[0]?.items[0]).toMatchObject({ status: 'not_available', availableQuantity: 4 });
    expect(quoted).toMatchObject({ totalCents: 0, okLineCount: 0 });
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const productId = await stockedProduct(app, vendorA.storeId);
    const hiddenVendor = await listedVendor(app);
    const hidden = await stockedProduct(app, hiddenVendor.storeId);
    await setVendorStanding(app, hiddenVendor.storeId, { subscriptionActive: false });
    const inactive = await stockedProduct(app, vendorA.storeId, { isActive: false });
    const line = (quantity: unknown, id = productId) => ({ productId: id, vendorStoreId: vendorA.storeId, quantity });
    const cases: [string, unknown, string][] = [
      ['zero', { items: [line(0)] }, 'VALIDATION_ERROR'],
      ['negative', { items: [line(-3)] }, 'VALIDATION_ERROR'],
      ['10⁹', { items: [line(1_000_000_000)] }, 'VALIDATION_ERROR'],
      ['fractional', { items: [line(1.5)] }, 'VALIDATION_ERROR'],
      ['500 lines', { items: Array.from({ length: 500 }, () => line(1)) }, 'VALIDATION_ERROR'],
      ['no lines', { items: [] }, 'VALIDATION_ERROR'],
      ['unknown product', { items: [line(1, randomUUID())] }, 'NOT_FOUND'],
      ['product of an unlisted vendor', { items: [line(1, hidden)] }, 'NOT_FOUND'],
      ['inactive product', { items: [line(1, inactive)] }, 'NOT_FOUND'],
      ['a client price', { items: [{ ...line(1), priceCents: 1 }] }, 'VALIDATION_ERROR'],
    ];
    const fresh = await verifiedBuyer(app);
    const before = await commerceCounts(app);
    for (const [name, input, code] of cases) {
      const failure = await failureOf(cart(fresh.token).quote(input as never));
      expect(failure.code, name).toBe(code);
    }
    expect(await commerceCounts(app)).toEqual(before);
    expect(await cart(fresh.token).get()).toBeNull();
  });

  it('needs a verified buyer store', async () => {
    const unverified = await verifiedBuyer(app);
    await setVendorStanding(app, unverified.storeId, { kycStatus: 'pending_verification' });
    const productId = await stockedProduct(app, vendorA.storeId);
    const failure = await failureOf(
      cart(unverified.token).quote({ items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }] }),
    );
    expect(failure.code).toBe('FORBIDDEN');
  });

  it('cart.clear drops the active cart', async () => {
    const shopper = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId);
    await cart(shopper.token).quote({ items: [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }] });
    expect(await cart(shopper.token).clear()).toEqual({ cleared: true });
    expect(await cart(shopper.token).get()).toBeNull();
    expect(await cart(shopper.token).clear()).toEqual({ cleared: false });
  });
});

describe('cost of a quote', () => {
  /** Counts statements sent on the app's database handle (every drizzle query is prepared through the session). */
  async function countStatements<T>(run: () => Promise<T>) {
    const session = (app.deps.db as unknown as { _: { session: Record<string, unknown> } })._.session;
    const original = session.prepareQuery as (...args: unknown[]) => unknown;
    let statements = 0;
    session.prepareQuery = (...args: unknown[]) => {
      statements++;
      return original.apply(session, args);
    };
    try {
      await run();
    } finally {
      session.prepareQuery = original;
    }
    return statements;
  }

  it('takes at most 4 database round trips whatever the number of lines', async () => {
    const shopper = await verifiedBuyer(app);
    const store = {
      id: shopper.storeId,
      name: 'Shopper',
      type: 'buyer' as const,
      role: 'owner' as const,
      kycStatus: 'verified' as const,
    };
    const ids = [];
    for (let i = 0; i < 50; i++) {
      ids.push(
        await stockedProduct(app, i % 2 ? vendorA.storeId : vendorB.storeId, {
          tiers: [{ minQty: 2, discountPercent: 5 }],
        }),
      );
    }
    const promo = await insertPromo(app, vendorA.storeId);
    const counts: number[] = [];
    for (const size of [1, 20, 50]) {
      const items = ids.slice(0, size).map((productId, i) => ({
        productId,
        vendorStoreId: i % 2 ? vendorA.storeId : vendorB.storeId,
        quantity: 3,
      }));
      const input = { items, vendorPromos: [{ vendorStoreId: vendorA.storeId, code: promo.code }], adTokens: [] };
      counts.push(await countStatements(() => quoteBuyerCart(app.deps, store, input)));
    }
    // Products; buyer + previous prices + promos; the one write statement.
    expect(counts[0]).toBe(3);
    for (const count of counts) expect(count).toBeLessThanOrEqual(4);
    expect(new Set(counts).size).toBe(1);
    expect((await cart(shopper.token).get())?.lineCount).toBe(50);
  });
});
