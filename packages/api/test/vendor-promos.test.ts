import { randomUUID } from 'node:crypto';
import { auditLog } from '@pf/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestClock, failureOf, type TestApp } from '../src/testing';
import { insertPromo, listedVendor, type Party, stockedProduct, verifiedBuyer } from './checkout-fixtures';
import { RELAXED_LIMITS } from './helpers';

const clock = createTestClock();
let app: TestApp;
let vendor: Party;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  vendor = await listedVendor(app);
});
afterAll(() => app.close());

const promos = (token = vendor.token) => app.call({ token, idempotencyKey: randomUUID() }).caller.vendorPromos;
const auditOf = (promoId: string) =>
  app.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'promo'), eq(auditLog.targetId, promoId)))
    .orderBy(asc(auditLog.createdAt));

describe('vendor promo codes', () => {
  it('creates, lists, edits and ends a promo, auditing each change; buyers see the effect at quote', async () => {
    const created = await promos().create({
      kind: 'percent',
      code: 'spring-15',
      percentBps: 1500,
      minSubtotalCents: 2000,
    });
    expect(created).toMatchObject({
      code: 'SPRING-15',
      kind: 'percent',
      percentBps: 1500,
      amountCents: null,
      state: 'live',
      usedCount: 0,
    });
    expect((await promos().list()).items.map((p) => p.id)).toContain(created.id);

    const buyer = await verifiedBuyer(app);
    const productId = await stockedProduct(app, vendor.storeId, { priceCents: 2500 });
    const quote = () =>
      app.call({ token: buyer.token }).caller.cart.quote({
        items: [{ productId, vendorStoreId: vendor.storeId, quantity: 1 }],
        vendorPromos: [{ vendorStoreId: vendor.storeId, code: 'Spring-15' }],
      });
    expect((await quote()).vendorGroups[0]?.promoDiscountCents).toBe(375);

    const raised = await promos().update({ promoId: created.id, minSubtotalCents: 3000 });
    expect(raised.minSubtotalCents).toBe(3000);
    expect((await quote()).vendorGroups[0]?.warnings).toMatchObject([
      { reason: 'below_minimum', minSubtotalCents: 3000 },
    ]);

    const ended = await promos().expire({ promoId: created.id });
    expect(ended).toMatchObject({ active: false, state: 'inactive' });
    expect(await promos().expire({ promoId: created.id })).toEqual(ended);
    expect((await quote()).vendorGroups[0]?.warnings).toMatchObject([{ reason: 'inactive' }]);
    expect((await auditOf(created.id)).map((row) => row.action)).toEqual([
      'promo.created',
      'promo.updated',
      'promo.expired',
    ]);
  });

  it('refuses a second promo with the same code in any case, a past expiry, and a value of the other kind', async () => {
    await promos().create({ kind: 'fixed', code: 'FIVE', amountCents: 500 });
    const duplicate = await failureOf(promos().create({ kind: 'percent', code: 'five', percentBps: 500 }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.violations.map((v) => v.path)).toEqual(['code']);
    const past = await failureOf(
      promos().create({
        kind: 'fixed',
        code: 'OLD',
        amountCents: 500,
        expiresAt: new Date(clock.now().getTime() - 1000).toISOString(),
      }),
    );
    expect(past.violations.map((v) => v.path)).toEqual(['expiresAt']);
    const fixed = await insertPromo(app, vendor.storeId, {
      kind: 'fixed',
      percentBps: null,
      amountCents: 500,
      usedCount: 3,
    });
    expect(
      (await failureOf(promos().update({ promoId: fixed.id, percentBps: 100 }))).violations.map((v) => v.path),
    ).toEqual(['percentBps']);
    expect(
      (await failureOf(promos().update({ promoId: fixed.id, usageLimit: 2 }))).violations.map((v) => v.path),
    ).toEqual(['usageLimit']);
  });

  it('reports an expired promo as expired once its time passes', async () => {
    const soon = await promos().create({
      kind: 'fixed',
      code: 'SOON',
      amountCents: 100,
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    expect(soon.state).toBe('live');
    clock.advance(61_000);
    expect((await promos().list()).items.find((p) => p.id === soon.id)?.state).toBe('expired');
  });

  it("another vendor's promo is NOT_FOUND and stays untouched", async () => {
    const other = await listedVendor(app);
    const theirs = await insertPromo(app, other.storeId);
    expect((await failureOf(promos().update({ promoId: theirs.id, active: false }))).code).toBe('NOT_FOUND');
    expect((await failureOf(promos().expire({ promoId: theirs.id }))).code).toBe('NOT_FOUND');
    expect((await promos(other.token).list()).items.find((p) => p.id === theirs.id)?.active).toBe(true);
  });
});
