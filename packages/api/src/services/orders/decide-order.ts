import { type DecideOrderInput, type OrderChangeResultDto, orderDecisionTransition } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { lockOwnOrder, refuse } from './order-access';
import { emitOrderDecided } from './order-events';
import { changeResult, rejectHoldingLines, unchangedResult, writeOrderState } from './order-writes';

/**
 * `vendorOrders.decide` (DOMAIN §5.11): accept or reject a pending order in one transaction under the order's
 * row lock. Rejecting rejects every line and gives back exactly the stock they held; totals, balance and the
 * payment intent drop to what is left (nothing). `order_decided` is written in the same transaction.
 */
export async function decideOrder(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: DecideOrderInput,
): Promise<OrderChangeResultDto> {
  return deps.db.transaction(async (tx) => {
    const order = await lockOwnOrder(tx, 'vendor', store.id, input.orderId);
    const transition = orderDecisionTransition(order.status, input.decision);
    if (transition.kind === 'refuse') {
      throw refuse(transition, { status: order.status, decision: input.decision });
    }
    if (transition.kind === 'noop') return unchangedResult(tx, order);
    const now = deps.clock.now();
    const rejecting = input.decision === 'reject';
    if (rejecting) await rejectHoldingLines(tx, order.id, 'order_rejected', now);
    const written = await writeOrderState(tx, order, { from: order.status, to: transition.to, ended: rejecting }, now);
    await emitOrderDecided(tx, written.order, input.decision, {
      actor: { userId: actorUserId, storeId: store.id },
      now,
    });
    return changeResult(written.order, written.lines, written.intentAmountCents, true);
  });
}
