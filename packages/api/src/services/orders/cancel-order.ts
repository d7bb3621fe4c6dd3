import { type CancelOrderInput, cancelTransition, type OrderChangeResultDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { lockOwnOrder, refuse } from './order-access';
import { emitOrderCanceled } from './order-events';
import { changeResult, rejectHoldingLines, releaseAssignment, unchangedResult, writeOrderState } from './order-writes';

/**
 * `buyerOrders.cancel` (DOMAIN §5.12): before pickup, the buyer may call an order off. Only lines that still
 * hold stock are rejected and released (never one the vendor or checkout already rejected, §12.C4); the
 * balance and payment intent drop to zero; `order_canceled` tells the vendor. One transaction, order locked.
 */
export async function cancelOrder(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CancelOrderInput,
): Promise<OrderChangeResultDto> {
  return deps.db.transaction(async (tx) => {
    const order = await lockOwnOrder(tx, 'buyer', store.id, input.orderId);
    const transition = cancelTransition(order.status, order.shippingStatus);
    if (transition.kind === 'refuse') {
      throw refuse(transition, { status: order.status, shippingStatus: order.shippingStatus });
    }
    if (transition.kind === 'noop') return unchangedResult(tx, order);
    const now = deps.clock.now();
    await rejectHoldingLines(tx, order.id, 'order_canceled', now);
    await releaseAssignment(tx, order.id, now);
    const written = await writeOrderState(
      tx,
      order,
      { from: order.status, to: 'canceled', ended: true, stamps: { canceledAt: now } },
      now,
    );
    await emitOrderCanceled(tx, written.order, input.reason, {
      actor: { userId: actorUserId, storeId: store.id },
      now,
    });
    return changeResult(written.order, written.lines, written.intentAmountCents, true);
  });
}
