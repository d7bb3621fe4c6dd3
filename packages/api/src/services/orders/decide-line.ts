import { orderLineItems } from '@pf/db';
import {
  AppError,
  type DecideLineInput,
  lineDecisionTransition,
  type OrderChangeResultDto,
  progressAfterLineDecision,
  UNDECIDED_LINE_STATUSES,
} from '@pf/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { linesOf, lockOwnOrder, refuse } from './order-access';
import { emitOrderDecided, emitReadyForDispatch } from './order-events';
import { changeResult, unchangedResult, writeOrderState } from './order-writes';
import { releaseStock } from './stock';

/**
 * `vendorOrders.decideLine` (DOMAIN §5.11): fulfil or reject one line of an accepted order, with an optional
 * note for the buyer. A rejected line gives back its stock once; totals and the payment intent follow in the
 * same transaction. When no line is left undecided the order becomes ready for dispatch (announced with
 * `order_ready_for_dispatch`), or rejected if nothing is left to deliver (announced with `order_decided`).
 */
export async function decideLine(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: DecideLineInput,
): Promise<OrderChangeResultDto> {
  return deps.db.transaction(async (tx) => {
    const order = await lockOwnOrder(tx, 'vendor', store.id, input.orderId);
    const line = (await linesOf(tx, order.id)).find((candidate) => candidate.id === input.lineItemId);
    if (!line) throw new AppError('NOT_FOUND', 'This order has no such line.');
    const transition = lineDecisionTransition(order.status, line.status, input.decision);
    if (transition.kind === 'refuse') {
      throw refuse(transition, {
        status: order.status,
        lineItemId: line.id,
        lineStatus: line.status,
        decision: input.decision,
      });
    }
    if (transition.kind === 'noop') return unchangedResult(tx, order);
    const now = deps.clock.now();
    const [decided] = await tx
      .update(orderLineItems)
      .set({ status: transition.to, notes: input.note ?? line.notes, updatedAt: now })
      .where(and(eq(orderLineItems.id, line.id), inArray(orderLineItems.status, [...UNDECIDED_LINE_STATUSES])))
      .returning();
    if (!decided) throw new Error(`line ${line.id} changed under its order's lock`);
    if (decided.status === 'rejected') await releaseStock(tx, [decided], now);

    const progress = progressAfterLineDecision((await linesOf(tx, order.id)).map((row) => ({ status: row.status })));
    const written = await writeOrderState(
      tx,
      order,
      {
        from: order.status,
        to: progress.status,
        fulfillmentStatus: progress.fulfillmentStatus,
        ended: progress.allRejected,
        stamps: progress.readyForDispatch ? { fulfilledAt: now } : {},
      },
      now,
    );
    const context = { actor: { userId: actorUserId, storeId: store.id }, now };
    if (progress.readyForDispatch) {
      await emitReadyForDispatch(tx, written.order, progress.rejectedCount, line.id, context);
    } else if (progress.allRejected) {
      await emitOrderDecided(tx, written.order, 'reject', context);
    }
    return changeResult(written.order, written.lines, written.intentAmountCents, true);
  });
}
