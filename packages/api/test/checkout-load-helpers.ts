import { orderLineItems, outboxEvents, paymentIntents, vendorOrders } from '@pf/db';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../src/testing';

/** Deadlocks Postgres has detected in this test file's database so far. */
export async function deadlocks(app: TestApp): Promise<number> {
  const [row] = (await app.deps.db.execute(
    sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`,
  )) as unknown as { n: number }[];
  return row?.n ?? 0;
}

/** The code of a failed call (AppError cause), or rethrows anything else. */
export function codeOf(error: unknown): string {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (!code) throw error;
  return code;
}

/** Runs `count` tasks with at most `width` in flight. */
export async function inParallel(width: number, count: number, task: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next++;
        await task(index);
      }
    }),
  );
}

/**
 * Invariants every checkout must leave, checked from the rows alone: one payment intent per order for exactly
 * the order total; order totals are the sums over reserved (pending) lines; one order_created and one
 * checkout_converted per checkout group; reserved stock equals what pending lines hold.
 */
export async function expectConsistentOrders(app: TestApp) {
  const db = app.deps.db;
  const orders = await db.select().from(vendorOrders);
  const intents = await db.select().from(paymentIntents);
  const lines = await db.select().from(orderLineItems);
  for (const order of orders) {
    const own = intents.filter((intent) => intent.orderId === order.id);
    expect(own).toHaveLength(1);
    expect(own[0]?.amountCents).toBe(order.totalCents);
    const pending = lines.filter((line) => line.orderId === order.id && line.status === 'pending');
    expect(order.subtotalCents).toBe(pending.reduce((sum, line) => sum + line.lineSubtotalCents, 0));
    expect(order.lineDiscountsCents).toBe(pending.reduce((sum, line) => sum + line.discountCents, 0));
    expect(order.totalCents).toBe(order.subtotalCents - order.discountsCents);
    expect(order.status).toBe(pending.length > 0 ? 'created_pending' : 'rejected');
  }
  const groups = new Set(orders.map((order) => order.checkoutGroupId));
  const events = await db
    .select({ type: outboxEvents.eventType, aggregateId: outboxEvents.aggregateId })
    .from(outboxEvents);
  for (const type of ['order_created', 'checkout_converted']) {
    const ofType = events.filter((event) => event.type === type).map((event) => event.aggregateId);
    expect(ofType.length).toBe(groups.size);
    expect(new Set(ofType)).toEqual(groups);
  }
  const held = new Map<string, number>();
  for (const line of lines) {
    if (line.status === 'pending' && line.productId) {
      held.set(line.productId, (held.get(line.productId) ?? 0) + line.qty);
    }
  }
  return { orders, lines, held };
}
