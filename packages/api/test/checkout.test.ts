import { randomUUID } from 'node:crypto';
import { inventoryItems, licenses, outboxEvents, stores, vendorPromos } from '@pf/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestClock, failureOf, type TestApp } from '../src/testing';
import {
  commerceCounts,
  insertPromo,
  listedVendor,
  type Party,
  stockedProduct,
  stockOf,
  verifiedBuyer,
} from './checkout-fixtures';
import { RELAXED_LIMITS } from './helpers';

const clock = createTestClock();
let app: TestApp;
let vendorA: Party;
let vendorB: Party;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  [vendorA, vendorB] = await Promise.all([listedVendor(app, 'Alpha Farms'), listedVendor(app, 'Beta Growers')]);
});
afterAll(() => app.close());

const callerOf = (token: string, idempotencyKey: string | undefined = randomUUID()) =>
  app.call({ token, idempotencyKey }).caller;
const quote = (
  buyer: Party,
  items: { productId: string; vendorStoreId: string; quantity: number }[],
  vendorPromos = [] as { vendorStoreId: string; code: string }[],
) => callerOf(buyer.token).cart.quote({ items, vendorPromos });
const submit = (
  buyer: Party,
  cartId: string,
  key: string | undefined = randomUUID(),
  paymentMethod: 'cash' | 'ach' = 'cash',
) => callerOf(buyer.token, key).checkout.submit({ cartId, paymentMethod });

describe('checkout.submit', () => {
  it('places one order per vendor with totals over reserved lines, one payment intent each, events once', async () => {
    const buyer = await verifiedBuyer(app);
    const flower = await stockedProduct(app, vendorA.storeId, {
      priceCents: 1250,
      onHandQty: 50,
      tiers: [{ minQty: 10, discountPercent: 10 }],
    });
    const edible = await stockedProduct(app, vendorA.storeId, { priceCents: 333, onHandQty: 50 });
    const vape = await stockedProduct(app, vendorB.storeId, { priceCents: 2000, onHandQty: 50 });
    const promo = await insertPromo(app, vendorA.storeId, { kind: 'percent', percentBps: 1250 });
    const cart = await quote(
      buyer,
      [
        { productId: flower, vendorStoreId: vendorA.storeId, quantity: 12 },
        { productId: edible, vendorStoreId: vendorA.storeId, quantity: 3 },
        { productId: vape, vendorStoreId: vendorB.storeId, quantity: 2 },
      ],
      [{ vendorStoreId: vendorA.storeId, code: promo.code }],
    );
    const result = await submit(buyer, cart.id);
    expect(result.vendorOrders.map((o) => o.vendorStoreId)).toEqual([vendorA.storeId, vendorB.storeId].sort());
    const alpha = result.vendorOrders.find((o) => o.vendorStoreId === vendorA.storeId);
    const beta = result.vendorOrders.find((o) => o.vendorStoreId === vendorB.storeId);
    // Alpha by hand: 12 × 1250 = 15000 less 10 % per unit (125) = 1500; 3 × 333 = 999. Subtotal 15999,
    // after volume 14499; 12.5 % promo = 1812.375 → 1812. Total 15999 − 1500 − 1812 = 12687.
    expect(alpha).toMatchObject({
      status: 'created_pending',
      subtotalCents: 15999,
      lineDiscountsCents: 1500,
      promoDiscountCents: 1812,
      discountsCents: 3312,
      totalCents: 12687,
      balanceDueCents: 12687,
      paymentIntent: { method: 'cash', status: 'unpaid', amountCents: 12687 },
      promo: { code: promo.code, discountCents: 1812 },
    });
    expect(beta).toMatchObject({ status: 'created_pending', totalCents: 4000, paymentIntent: { amountCents: 4000 } });
    expect(result).toMatchObject({ totalCents: 16687, placedOrderCount: 2, failedLineCount: 0, cartId: cart.id });
    expect((await stockOf(app, [flower, edible, vape])).map((s) => [s.productId, s.reservedQty]).sort()).toEqual(
      [
        [flower, 12],
        [edible, 3],
        [vape, 2],
      ].sort(),
    );
    const [used] = await app.deps.db.select().from(vendorPromos).where(eq(vendorPromos.id, promo.id));
    expect(used?.usedCount).toBe(1);
    const events = await app.deps.db
      .select({ type: outboxEvents.eventType, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.aggregateId, result.checkoutGroupId));
    expect(events.map((e) => e.type).sort()).toEqual(['checkout_converted', 'order_created']);
    // Same answer by group id and by cart id; the converted cart is no longer the active one.
    const reader = callerOf(buyer.token).checkout;
    expect(await reader.confirmation({ identifier: result.checkoutGroupId })).toEqual(result);
    expect(await reader.confirmation({ identifier: cart.id })).toEqual(result);
    expect(await callerOf(buyer.token).cart.get()).toBeNull();
    // A new key on the converted cart replays the checkout (domain level) and writes nothing.
    const before = await commerceCounts(app);
    expect(await submit(buyer, cart.id)).toEqual(result);
    expect(await commerceCounts(app)).toEqual(before);
  });

  it('lines and vendors fail independently: short stock rejects a line, an expired vendor license its order', async () => {
    const buyer = await verifiedBuyer(app);
    const vendorC = await listedVendor(app, 'Gamma Gardens');
    const plenty = await stockedProduct(app, vendorA.storeId, { priceCents: 1000, onHandQty: 10 });
    const scarce = await stockedProduct(app, vendorA.storeId, { priceCents: 500, onHandQty: 10 });
    const gamma = await stockedProduct(app, vendorC.storeId, { priceCents: 700, onHandQty: 10 });
    const fixed = await insertPromo(app, vendorA.storeId, {
      kind: 'fixed',
      percentBps: null,
      amountCents: 300,
      minSubtotalCents: 1500,
    });
    const cart = await quote(
      buyer,
      [
        { productId: plenty, vendorStoreId: vendorA.storeId, quantity: 1 },
        { productId: scarce, vendorStoreId: vendorA.storeId, quantity: 4 },
        { productId: gamma, vendorStoreId: vendorC.storeId, quantity: 1 },
      ],
      [{ vendorStoreId: vendorA.storeId, code: fixed.code }],
    );
    expect(cart.vendorGroups.find((g) => g.vendorStoreId === vendorA.storeId)?.promoDiscountCents).toBe(300);
    // Between quote and checkout: another order takes scarce stock; Gamma's license lapses.
    await app.deps.db.update(inventoryItems).set({ reservedQty: 8 }).where(eq(inventoryItems.productId, scarce));
    await app.deps.db
      .update(licenses)
      .set({ expirationDate: '2000-01-01' })
      .where(eq(licenses.storeId, vendorC.storeId));
    const result = await submit(buyer, cart.id);
    const alpha = result.vendorOrders.find((o) => o.vendorStoreId === vendorA.storeId);
    const gammaOrder = result.vendorOrders.find((o) => o.vendorStoreId === vendorC.storeId);
    // Only the 1000 ¢ line was reserved: below the promo's 1500 minimum, so the promo drops and is not counted.
    expect(alpha).toMatchObject({
      status: 'created_pending',
      subtotalCents: 1000,
      promoDiscountCents: 0,
      totalCents: 1000,
    });
    expect(alpha?.paymentIntent.amountCents).toBe(1000);
    expect(alpha?.warnings.map((w) => w.code)).toEqual(['promo_dropped']);
    expect(alpha?.lines.map((l) => [l.productId, l.status, l.failureReason])).toEqual([
      [plenty, 'pending', null],
      [scarce, 'rejected', 'insufficient_inventory'],
    ]);
    expect(gammaOrder).toMatchObject({
      status: 'rejected',
      failureReason: 'vendor_license_invalid',
      totalCents: 0,
      balanceDueCents: 0,
      paymentIntent: { amountCents: 0 },
    });
    expect(gammaOrder?.failureMessage).toMatch(/license/);
    expect(result.failedLineCount).toBe(2);
    const stock = await stockOf(app, [plenty, scarce, gamma]);
    expect(stock.find((s) => s.productId === scarce)?.reservedQty).toBe(8);
    expect(stock.find((s) => s.productId === gamma)?.reservedQty).toBe(0);
    const [promoRow] = await app.deps.db.select().from(vendorPromos).where(eq(vendorPromos.id, fixed.id));
    expect(promoRow?.usedCount).toBe(0);
  });

  it('refuses an expired quote (QUOTE_EXPIRED), then checks out after a re-quote', async () => {
    const buyer = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId);
    const cart = await quote(buyer, [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }]);
    clock.advance(15 * 60 * 1000 + 1);
    const before = await commerceCounts(app);
    expect((await failureOf(submit(buyer, cart.id))).code).toBe('QUOTE_EXPIRED');
    expect(await commerceCounts(app)).toEqual(before);
    expect((await callerOf(buyer.token).cart.get())?.isExpired).toBe(true);
    const fresh = await quote(buyer, [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }]);
    expect(fresh.id).toBe(cart.id);
    expect((await submit(buyer, fresh.id)).placedOrderCount).toBe(1);
  });

  it("answers another buyer's cart id, an unknown id and a cart with nothing orderable with stable codes, writing nothing", async () => {
    const owner = await verifiedBuyer(app);
    const intruder = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId, { onHandQty: 1 });
    const cart = await quote(owner, [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }]);
    const empty = await quote(intruder, [{ productId, vendorStoreId: vendorA.storeId, quantity: 5 }]);
    const before = await commerceCounts(app);
    expect((await failureOf(submit(intruder, cart.id))).code).toBe('NOT_FOUND');
    expect((await failureOf(submit(intruder, randomUUID()))).code).toBe('NOT_FOUND');
    expect((await failureOf(submit(intruder, empty.id))).code).toBe('CONFLICT');
    expect((await failureOf(callerOf(intruder.token).checkout.confirmation({ identifier: cart.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await commerceCounts(app)).toEqual(before);
  });

  it('takes ACH only where the buyer store has it enabled (intent pending), cash otherwise', async () => {
    const buyer = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId);
    const cart = await quote(buyer, [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }]);
    const refused = await failureOf(submit(buyer, cart.id, randomUUID(), 'ach'));
    expect(refused.code).toBe('VALIDATION_ERROR');
    expect(refused.violations.map((v) => v.path)).toEqual(['paymentMethod']);
    await app.deps.db.update(stores).set({ achEnabled: true }).where(eq(stores.id, buyer.storeId));
    const result = await submit(buyer, cart.id, randomUUID(), 'ach');
    expect(result.vendorOrders[0]?.paymentIntent).toMatchObject({ method: 'ach', status: 'pending' });
  });

  it('needs an Idempotency-Key, and a reused key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
    const buyer = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId);
    const cart = await quote(buyer, [{ productId, vendorStoreId: vendorA.storeId, quantity: 1 }]);
    const missing = await failureOf(
      app.call({ token: buyer.token }).caller.checkout.submit({ cartId: cart.id, paymentMethod: 'cash' }),
    );
    expect(missing.code).toBe('VALIDATION_ERROR');
    expect(missing.message).toMatch(/Idempotency-Key/);
    const key = randomUUID();
    const first = await submit(buyer, cart.id, key);
    expect(await submit(buyer, cart.id, key)).toEqual(first);
    expect((await failureOf(submit(buyer, cart.id, key, 'ach'))).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('an attempt that failed before commit leaves nothing behind and the same key then succeeds', async () => {
    const buyer = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendorA.storeId, { onHandQty: 5 });
    const cart = await quote(buyer, [{ productId, vendorStoreId: vendorA.storeId, quantity: 2 }]);
    // A database fault (a bug: 500, never stored) after stock was reserved and orders were written: all rolls back.
    await app.deps.db.execute(sql`
      create or replace function fail_checkout() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end $$`);
    await app.deps.db.execute(
      sql`create trigger fail_checkout before insert on payment_intents for each row execute function fail_checkout()`,
    );
    const key = randomUUID();
    const before = await commerceCounts(app);
    try {
      expect((await failureOf(submit(buyer, cart.id, key))).code).toBe('INTERNAL_ERROR');
      expect(await commerceCounts(app)).toEqual(before);
    } finally {
      await app.deps.db.execute(sql`drop trigger fail_checkout on payment_intents`);
    }
    const result = await submit(buyer, cart.id, key);
    expect(result.vendorOrders[0]).toMatchObject({ status: 'created_pending', totalCents: 2000 });
    expect((await stockOf(app, [productId]))[0]?.reservedQty).toBe(2);
  });
});
