import { type DbOrTx, orderLineItems, paymentIntents, type Transaction, vendorOrders } from '@pf/db';
import { AppError, type Transition } from '@pf/domain';
import { and, asc, eq } from 'drizzle-orm';

/** Whose view of an order: the buyer store that placed it or the vendor store that fills it. */
export type OrderSide = 'buyer' | 'vendor';

export type OrderRow = typeof vendorOrders.$inferSelect;
export type LineRow = typeof orderLineItems.$inferSelect;
export type IntentRow = typeof paymentIntents.$inferSelect;

export const ORDER_NOT_FOUND = 'Order not found.';

/** The column that ties an order to the caller's store on this side. */
export const storeColumn = (side: OrderSide) =>
  side === 'buyer' ? vendorOrders.buyerStoreId : vendorOrders.vendorStoreId;

/**
 * Locks the caller's order row for the rest of the transaction, so every decision and cancel on one order runs
 * one after another and each sees the state the previous one left. Another store's order is NOT_FOUND, exactly
 * like a random id.
 */
export async function lockOwnOrder(tx: Transaction, side: OrderSide, storeId: string, orderId: string) {
  const [order] = await tx
    .select()
    .from(vendorOrders)
    .where(and(eq(vendorOrders.id, orderId), eq(storeColumn(side), storeId)))
    .for('update');
  if (!order) throw new AppError('NOT_FOUND', ORDER_NOT_FOUND);
  return order;
}

export const linesOf = (db: DbOrTx, orderId: string) =>
  db.select().from(orderLineItems).where(eq(orderLineItems.orderId, orderId)).orderBy(asc(orderLineItems.position));

export async function intentOf(db: DbOrTx, orderId: string): Promise<IntentRow> {
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.orderId, orderId));
  if (!intent) throw new Error(`order ${orderId} has no payment intent`);
  return intent;
}

/** A refused transition as the stable 422 error; nothing has been written when it is thrown. */
export function refuse(
  transition: Extract<Transition<unknown>, { kind: 'refuse' }>,
  details: Record<string, unknown>,
): AppError {
  return new AppError('STATE_CONFLICT', transition.message, { details: { reason: transition.reason, ...details } });
}
