import { randomUUID } from 'node:crypto';
import { notifications, vendorOrders } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderTtlJob } from '../src/cron/jobs/order-ttl';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import { listedVendor, type Party, verifiedBuyer } from './checkout-fixtures';
import { DAY_MS, daysAgo, fixedClock } from './cron-helpers';
import { RELAXED_LIMITS } from './helpers';
import { deliverNotifications } from './license-helpers';
import { eventsOf, expectOrderBooks, expectStockBooks, insertOrder } from './orders-fixtures';

const clock = fixedClock();
let app: TestApp;
let vendor: Party;
let buyer: Party;
const initial = new Map<string, number>();

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  vendor = await listedVendor(app);
  buyer = await verifiedBuyer(app);
});
afterAll(() => app.close());

const run = () => orderTtlJob.run(app.deps, new AbortController().signal);

/** A pending order created `days` (+ `extraMs`) before the test clock's now. */
async function orderAged(days: number, extraMs = 0, status?: 'accepted') {
  const placed = await insertOrder(app, buyer.storeId, vendor.storeId, [{ qty: 3 }, { qty: 1 }], status);
  for (const id of placed.productIds) initial.set(id, 100);
  await app.deps.db
    .update(vendorOrders)
    .set({ createdAt: daysAgo(clock, days, extraMs) })
    .where(eq(vendorOrders.id, placed.orderId));
  return placed.orderId;
}
const typesOf = async (orderId: string) => (await eventsOf(app, orderId)).map((event) => event.type);
const statusOf = async (orderId: string) =>
  (await app.deps.db.select().from(vendorOrders).where(eq(vendorOrders.id, orderId)))[0]?.status;

describe('order TTL job', () => {
  // First: it signs in as the parties, whose sessions the later tests' clock jumps would outlive.
  it('an expired order can no longer be decided or canceled; both parties hear about it', async () => {
    const orderId = await orderAged(11);
    await run();
    const vendorCall = app.call({ token: vendor.token, idempotencyKey: randomUUID() }).caller.vendorOrders;
    expect((await failureOf(vendorCall.decide({ orderId, decision: 'accept' }))).code).toBe('STATE_CONFLICT');
    const buyerCall = app.call({ token: buyer.token, idempotencyKey: randomUUID() }).caller.buyerOrders;
    expect((await failureOf(buyerCall.cancel({ orderId }))).code).toBe('STATE_CONFLICT');
    await deliverNotifications(app);
    const links = (await app.deps.db.select().from(notifications)).map(
      (row) => `${row.storeId} ${row.title} ${row.link}`,
    );
    expect(links).toContain(`${buyer.storeId} Order expired /buyer/orders/${orderId}`);
    expect(links).toContain(`${vendor.storeId} Order expired /vendor/orders/${orderId}`);
  });

  it('nudges at 5 days (once), expires at 10 days releasing stock, leaves younger and decided orders alone', async () => {
    const young = await orderAged(4, 23 * 3_600_000);
    const waiting = await orderAged(5);
    const stale = await orderAged(10, 1);
    const decided = await orderAged(30, 0, 'accepted');

    expect(await run()).toMatchObject({ expired: 1, nudged: 1, failed: 0, complete: true });
    expect(await typesOf(young)).toEqual([]);
    expect(await typesOf(waiting)).toEqual(['order_pending_nudge']);
    expect(await typesOf(stale)).toEqual(['order_expired']);
    expect(await typesOf(decided)).toEqual([]);
    expect(await statusOf(waiting)).toBe('created_pending');
    const { order } = await expectOrderBooks(app, stale);
    expect(order).toMatchObject({ status: 'expired', totalCents: 0, balanceDueCents: 0, expiredAt: clock.now() });
    await expectStockBooks(app, initial);

    // The next hourly runs change nothing more; five days later the waiting order expires.
    expect(await run()).toMatchObject({ expired: 0, nudged: 0 });
    clock.advance(DAY_MS);
    expect(await run()).toMatchObject({ expired: 0, nudged: 1 });
    expect(await typesOf(young)).toEqual(['order_pending_nudge']);
    clock.advance(5 * DAY_MS);
    expect(await run()).toMatchObject({ expired: 2, nudged: 0 });
    expect(await typesOf(waiting)).toEqual(['order_pending_nudge', 'order_expired']);
    await expectStockBooks(app, initial);
  });

  it('overlapping runs expire and nudge each order once (10 rounds of two concurrent runs)', async () => {
    for (let round = 0; round < 10; round++) {
      const stale = await orderAged(12);
      const waiting = await orderAged(6);
      const [first, second] = await Promise.all([run(), run()]);
      expect((first.expired as number) + (second.expired as number)).toBe(1);
      expect((first.nudged as number) + (second.nudged as number)).toBe(1);
      expect(await typesOf(stale)).toEqual(['order_expired']);
      expect(await typesOf(waiting)).toEqual(['order_pending_nudge']);
      await expectOrderBooks(app, stale);
      // Take the waiting order out of the pending pool so later rounds count only their own orders.
      await app.deps.db.update(vendorOrders).set({ status: 'accepted' }).where(eq(vendorOrders.id, waiting));
    }
    await expectStockBooks(app, initial);
  });

  it('a vendor decision racing the expiry: exactly one of them takes the order (20 rounds)', async () => {
    // A vendor signed in at the test clock's current time (the earlier tests moved it past older sessions).
    const racer = await listedVendor(app);
    for (let round = 0; round < 20; round++) {
      const placed = await insertOrder(app, buyer.storeId, racer.storeId, [{ qty: 2 }]);
      for (const id of placed.productIds) initial.set(id, 100);
      const { orderId } = placed;
      await app.deps.db
        .update(vendorOrders)
        .set({ createdAt: daysAgo(clock, 10, 60_000) })
        .where(eq(vendorOrders.id, orderId));
      const decide = failureOf(
        app
          .call({ token: racer.token, idempotencyKey: randomUUID() })
          .caller.vendorOrders.decide({ orderId, decision: 'accept' }),
      ).then(
        (failure) => failure.code,
        () => 'accepted',
      );
      const [decision] = await Promise.all([decide, run()]);
      const status = await statusOf(orderId);
      if (decision === 'accepted') {
        expect(status).toBe('accepted');
        expect(await typesOf(orderId)).toEqual(['order_decided']);
      } else {
        expect(decision).toBe('STATE_CONFLICT');
        expect(status).toBe('expired');
        expect(await typesOf(orderId)).toEqual(['order_expired']);
      }
      await expectOrderBooks(app, orderId);
    }
    await expectStockBooks(app, initial);
  });
});
