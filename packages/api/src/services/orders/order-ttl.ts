import { outboxEvents, type Transaction, vendorOrders } from '@pf/db';
import { ORDER_EXPIRE_AFTER_DAYS, ORDER_NUDGE_AFTER_DAYS } from '@pf/domain';
import { and, asc, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { orderParties } from './order-events';
import { rejectHoldingLines, releaseAssignment, writeOrderState } from './order-writes';

const DAY_MS = 86_400_000;
export const cutoffFor = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Pending orders created at or before `cutoff`, walked by id after `afterId`. */
export function pendingOrdersBefore(
  deps: AppDeps,
  cutoff: Date,
  afterId: string | null,
  limit: number,
  unnudged: boolean,
) {
  return deps.db
    .select({ id: vendorOrders.id })
    .from(vendorOrders)
    .where(
      and(
        eq(vendorOrders.status, 'created_pending'),
        lte(vendorOrders.createdAt, cutoff),
        afterId ? gt(vendorOrders.id, afterId) : undefined,
        unnudged
          ? notExists(
              deps.db
                .select({ one: sql`1` })
                .from(outboxEvents)
                .where(eq(outboxEvents.dedupeKey, sql`'order_pending_nudge:vendor_order:' || ${vendorOrders.id}`)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(vendorOrders.id))
    .limit(limit);
}

/**
 * Locks a still-pending order old enough for the step, skipping one another transaction holds (a vendor
 * deciding it right now, or another run): the next run looks again.
 */
async function lockIfStillPending(tx: Transaction, id: string, cutoff: Date) {
  const [order] = await tx
    .select()
    .from(vendorOrders)
    .where(
      and(eq(vendorOrders.id, id), eq(vendorOrders.status, 'created_pending'), lte(vendorOrders.createdAt, cutoff)),
    )
    .for('update', { skipLocked: true });
  return order ?? null;
}

/** `order_pending_nudge`, at most once per order (emit-once key). True when this call emitted it. */
export function nudgePendingOrder(deps: AppDeps, id: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const order = await lockIfStillPending(tx, id, cutoffFor(now, ORDER_NUDGE_AFTER_DAYS));
    if (!order) return false;
    const { emitted } = await emit(tx, {
      type: 'order_pending_nudge',
      aggregateId: order.id,
      data: { ...orderParties(order), pending_days: ORDER_NUDGE_AFTER_DAYS },
      occurredAt: now,
    });
    return emitted;
  });
}

/**
 * created_pending → expired (DOMAIN §3.7): lines still holding stock are rejected and released once, the
 * books drop to zero, `order_expired` tells both parties. One transaction per order. False when the order was
 * decided, canceled or expired since it was selected.
 */
export function expirePendingOrder(deps: AppDeps, id: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const order = await lockIfStillPending(tx, id, cutoffFor(now, ORDER_EXPIRE_AFTER_DAYS));
    if (!order) return false;
    await rejectHoldingLines(tx, order.id, 'order_expired', now);
    await releaseAssignment(tx, order.id, now);
    const written = await writeOrderState(
      tx,
      order,
      { from: 'created_pending', to: 'expired', ended: true, stamps: { expiredAt: now } },
      now,
    );
    await emit(tx, {
      type: 'order_expired',
      aggregateId: order.id,
      data: { ...orderParties(written.order), expired_at: now.toISOString(), ttl_days: ORDER_EXPIRE_AFTER_DAYS },
      occurredAt: now,
    });
    return true;
  });
}
