import { orderAssignments, orderLineItems, paymentIntents, type Transaction, vendorOrders } from '@pf/db';
import {
  AppError,
  type FulfillmentStatus,
  type LineItemStatus,
  type OrderChangeResultDto,
  recomputeOrderTotals,
  STOCK_HOLDING_LINE_STATUSES,
  type VendorOrderStatus,
} from '@pf/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { intentOf, type LineRow, linesOf, type OrderRow } from './order-access';
import { releaseStock } from './stock';

/** Why the lines of an order that is ended as a whole were rejected (kept in the line's notes). */
export type EndedLineNote = 'order_rejected' | 'order_canceled' | 'order_expired';

/**
 * Rejects every line of the order that still holds stock and releases exactly that stock. The status update is
 * conditional, so a line another transaction already rejected is neither rejected nor released again.
 */
export async function rejectHoldingLines(tx: Transaction, orderId: string, note: EndedLineNote, now: Date) {
  const rejected = await tx
    .update(orderLineItems)
    .set({ status: 'rejected', notes: note, updatedAt: now })
    .where(and(eq(orderLineItems.orderId, orderId), inArray(orderLineItems.status, [...STOCK_HOLDING_LINE_STATUSES])))
    .returning({ productId: orderLineItems.productId, qty: orderLineItems.qty });
  await releaseStock(tx, rejected, now);
  return rejected.length;
}

export interface OrderUpdate {
  from: VendorOrderStatus;
  to: VendorOrderStatus;
  fulfillmentStatus?: FulfillmentStatus;
  /** Nothing is owed on an order that ended (rejected, canceled, expired). */
  ended: boolean;
  stamps?: Partial<Pick<OrderRow, 'fulfilledAt' | 'canceledAt' | 'expiredAt'>>;
}

/**
 * Writes the order's new state with its totals recomputed from its lines (DOMAIN §4.11) and the payment
 * intent's amount set to the new total, all in the caller's transaction. The status update is conditional on
 * the state the caller decided from; if it moved, the whole change rolls back.
 */
export async function writeOrderState(tx: Transaction, order: OrderRow, update: OrderUpdate, now: Date) {
  const lines = await linesOf(tx, order.id);
  const totals = recomputeOrderTotals(lines, order.promo);
  const [written] = await tx
    .update(vendorOrders)
    .set({
      status: update.to,
      ...(update.fulfillmentStatus ? { fulfillmentStatus: update.fulfillmentStatus } : {}),
      subtotalCents: totals.subtotalCents,
      lineDiscountsCents: totals.lineDiscountsCents,
      promoDiscountCents: totals.promoDiscountCents,
      discountsCents: totals.discountsCents,
      totalCents: totals.totalCents,
      balanceDueCents: update.ended ? 0 : totals.totalCents,
      promo: order.promo ? { ...order.promo, discountCents: totals.promoDiscountCents } : null,
      ...update.stamps,
      updatedAt: now,
    })
    .where(and(eq(vendorOrders.id, order.id), eq(vendorOrders.status, update.from)))
    .returning();
  if (!written) throw new AppError('STATE_CONFLICT', 'This order changed meanwhile. Reload it and try again.');
  const [intent] = await tx
    .update(paymentIntents)
    .set({ amountCents: totals.totalCents, updatedAt: now })
    .where(eq(paymentIntents.orderId, order.id))
    .returning();
  if (!intent) throw new Error(`order ${order.id} has no payment intent`);
  return { order: written, lines, intentAmountCents: intent.amountCents };
}

/** An ended order no longer needs an agent. */
export async function releaseAssignment(tx: Transaction, orderId: string, now: Date) {
  await tx
    .update(orderAssignments)
    .set({ active: false, unassignedAt: now })
    .where(and(eq(orderAssignments.orderId, orderId), eq(orderAssignments.active, true)));
}

export function changeResult(
  order: OrderRow,
  lines: readonly Pick<LineRow, 'id' | 'status' | 'totalCents'>[],
  intentAmountCents: number,
  changed: boolean,
): OrderChangeResultDto {
  return {
    orderId: order.id,
    changed,
    status: order.status,
    fulfillmentStatus: order.fulfillmentStatus,
    totalCents: order.totalCents,
    balanceDueCents: order.balanceDueCents,
    paymentAmountCents: intentAmountCents,
    lines: lines.map((line) => ({ id: line.id, status: line.status as LineItemStatus, totalCents: line.totalCents })),
  };
}

/** The answer for a no-op: the order as it stands. */
export async function unchangedResult(tx: Transaction, order: OrderRow) {
  const [lines, intent] = await Promise.all([linesOf(tx, order.id), intentOf(tx, order.id)]);
  return changeResult(order, lines, intent.amountCents, false);
}
